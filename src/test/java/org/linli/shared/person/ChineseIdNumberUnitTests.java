package org.linli.shared.person;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChineseIdNumberUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	/** A published valid example (GB 11643 appendix style): born 1949-12-31, female, check character X. */
	private static final String KNOWN_VALID = "11010519491231002X";

	/**
	 * The check character by the recursive definition of ISO 7064 MOD 11-2 rather than by the weight table, so that
	 * the test does not repeat the code it checks.
	 */
	private static String withCheck(String first17) {
		int p = 0;
		for (char c : first17.toCharArray()) {
			p = ((p + (c - '0')) * 2) % 11;
		}
		int check = (12 - p) % 11;
		return first17 + ((check == 10) ? "X" : Integer.toString(check));
	}

	private static Validation<ChineseIdNumber> parse(String raw) {
		return ChineseIdNumber.parse(raw, TODAY);
	}

	@Test
	void theTestsOwnCheckHelperAgreesWithTheKnownExample() {
		assertThat(withCheck(KNOWN_VALID.substring(0, 17))).isEqualTo(KNOWN_VALID);
	}

	@Test
	void acceptsAKnownValidNumberAndReadsItsParts() {
		ChineseIdNumber number = parse(KNOWN_VALID).orElseThrow();
		assertThat(number.value()).isEqualTo(KNOWN_VALID);
		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(number.gender()).isEqualTo(Gender.FEMALE);
		assertThat(number.masked()).isEqualTo("110105********002X");
	}

	@Test
	void acceptsComputedNumbersEndingInEveryPossibleCheckCharacter() {
		Set<Character> seen = new HashSet<>();
		for (int serial = 0; serial < 1000 && seen.size() < 11; serial++) {
			String number = withCheck("44030419800101" + "%03d".formatted(serial));
			assertThat(parse(number).orElseThrow().value()).isEqualTo(number);
			seen.add(number.charAt(17));
		}
		assertThat(seen).hasSize(11);
	}

	@Test
	void rejectsEveryWrongCheckCharacter() {
		String first17 = "11010519900307123";
		String right = withCheck(first17);
		for (char check : "0123456789X".toCharArray()) {
			String candidate = first17 + check;
			if (candidate.equals(right)) {
				assertThat(parse(candidate).isValid()).isTrue();
			}
			else {
				assertThat(parse(candidate)).isEqualTo(Validation.invalid("idNumber.checksum"));
			}
		}
	}

	@Test
	void aSingleMistypedDigitIsCaughtByTheChecksum() {
		String valid = withCheck("11010519900307123");
		for (int position = 0; position < 17; position++) {
			char digit = valid.charAt(position);
			char typo = (char) ((digit == '9') ? '0' : digit + 1);
			String mistyped = valid.substring(0, position) + typo + valid.substring(position + 1);
			assertThat(parse(mistyped)).as("typo at %d", position).isEqualTo(Validation.invalid("idNumber.checksum"));
		}
	}

	@Test
	void forgivesLowerCaseXFullWidthCharactersAndSpaces() {
		assertThat(parse("11010519491231002x").orElseThrow().value()).isEqualTo(KNOWN_VALID);
		assertThat(parse("１１０１０５１９４９１２３１００２Ｘ").orElseThrow().value()).isEqualTo(KNOWN_VALID);
		assertThat(parse("１１０１０５１９４９１２３１００２ｘ").orElseThrow().value()).isEqualTo(KNOWN_VALID);
		assertThat(parse(" 110105 19491231 002x\u3000").orElseThrow().value()).isEqualTo(KNOWN_VALID);
		assertThat(parse("110105\u00A019491231\t002X").orElseThrow().value()).isEqualTo(KNOWN_VALID);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "1101051949123100", "11010519491231002", "11010519491231002X1",
			"110105194912310021X", "1101051949123100X2", "11010519491231002Y", "A1010519491231002X",
			"110105-19491231-002X", "110105491231002", "１１０１０５" })
	void rejectsWhatIsNotSeventeenDigitsAndACheckCharacter(String raw) {
		assertThat(parse(raw)).isEqualTo(Validation.invalid("idNumber.format"));
	}

	@Test
	void rejectsDigitsFromOtherScripts() {
		String arabicIndic = "\u0661" + KNOWN_VALID.substring(1);
		assertThat(parse(arabicIndic)).isEqualTo(Validation.invalid("idNumber.format"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19900231", "19000229", "19901301", "19900001", "19900100", "19900431",
			"18991231", "00000000" })
	void rejectsBirthDatesThatAreNotOnTheCalendarOrBefore1900(String date) {
		String number = withCheck("110105" + date + "123");
		assertThat(parse(number)).isEqualTo(Validation.invalid("idNumber.birthDate"));
	}

	@Test
	void acceptsTheEdgesOfThePlausibleBirthDates() {
		assertThat(parse(withCheck("11010519000101123")).orElseThrow().birthDate())
			.isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(parse(withCheck("11010520000229123")).orElseThrow().birthDate())
			.isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(parse(withCheck("11010520260315123")).orElseThrow().birthDate()).isEqualTo(TODAY);
	}

	@Test
	void rejectsABirthDateInTheFuture() {
		assertThat(parse(withCheck("11010520260316123"))).isEqualTo(Validation.invalid("idNumber.birthDate"));
		assertThat(parse(withCheck("11010520991231123"))).isEqualTo(Validation.invalid("idNumber.birthDate"));
		assertThat(ChineseIdNumber.parse(withCheck("11010520260316123"), LocalDate.of(2026, 3, 16)).isValid())
			.isTrue();
	}

	@Test
	void parsingWithoutADateJudgesAgainstToday() {
		assertThat(ChineseIdNumber.parse(KNOWN_VALID).isValid()).isTrue();
		String tenYearsAhead = LocalDate.now().plusYears(10).toString().replace("-", "");
		assertThat(ChineseIdNumber.parse(withCheck("110105" + tenYearsAhead + "123")))
			.isEqualTo(Validation.invalid("idNumber.birthDate"));
	}

	@Test
	void theSeventeenthDigitGivesTheGender() {
		for (int digit = 0; digit <= 9; digit++) {
			ChineseIdNumber number = parse(withCheck("1101051990030712" + digit)).orElseThrow();
			assertThat(number.gender()).isEqualTo((digit % 2 == 1) ? Gender.MALE : Gender.FEMALE);
		}
	}

	@Test
	void masksAllButRegionAndTheLastFour() {
		String number = withCheck("11010519900307012");
		assertThat(parse(number).orElseThrow().masked()).isEqualTo("110105********" + number.substring(14))
			.hasSize(18);
	}

	@Test
	void toStringNeverShowsTheFullNumber() {
		ChineseIdNumber number = parse(KNOWN_VALID).orElseThrow();
		assertThat(number.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
	}

	@Test
	void spellingsOfOneNumberAreEqual() {
		assertThat(parse("11010519491231002x")).isEqualTo(parse("１１０１０５１９４９１２３１００２Ｘ"));
	}

	@Test
	void theConstructorAcceptsOnlyWellFormedNumbersButDoesNotDependOnTheDay() {
		assertThat(new ChineseIdNumber(KNOWN_VALID).value()).isEqualTo(KNOWN_VALID);
		assertThat(new ChineseIdNumber(withCheck("11010520991231123")).birthDate())
			.isEqualTo(LocalDate.of(2099, 12, 31));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChineseIdNumber(null)).withMessage("idNumber.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChineseIdNumber("11010519491231002x"))
			.withMessage("idNumber.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChineseIdNumber(" " + KNOWN_VALID))
			.withMessage("idNumber.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChineseIdNumber("110105194912310021"))
			.withMessage("idNumber.checksum");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChineseIdNumber(withCheck("11010519900230123")))
			.withMessage("idNumber.birthDate");
	}

	@Test
	void exposesItsErrorCodes() {
		assertThat(ChineseIdNumber.FORMAT).isEqualTo("idNumber.format");
		assertThat(ChineseIdNumber.CHECKSUM).isEqualTo("idNumber.checksum");
		assertThat(ChineseIdNumber.BIRTH_DATE).isEqualTo("idNumber.birthDate");
	}

}
