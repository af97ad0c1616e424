package org.linli.shared.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An 18-character resident ID number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character, with the
 * holder's birth date at positions 7-14. A constructed instance is always well-formed, so a number read back from
 * storage years later is still accepted; only {@link #parse(String, LocalDate)} also rejects a birth date in the
 * future, because that rule depends on the day.
 *
 * @param value the 18 characters, the check character an upper-case {@code X} when it stands for ten
 */
public record ChineseIdNumber(String value) {

	public static final String FORMAT = "idNumber.format";

	public static final String CHECKSUM = "idNumber.checksum";

	public static final String BIRTH_DATE = "idNumber.birthDate";

	private static final int LENGTH = 18;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARACTERS = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Rejects anything that is not a well-formed number, with its error code as the message. */
	public ChineseIdNumber {
		String problem = (value != null) ? problem(value) : FORMAT;
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/** Parses a typed or imported number, judging its birth date against today in China. */
	public static Validation<ChineseIdNumber> parse(String raw) {
		return parse(raw, LocalDate.now(CHINA));
	}

	/**
	 * Parses a typed or imported number: full-width characters, spaces anywhere and a lower-case {@code x} are
	 * forgiven; a wrong length or character, a wrong check character and an impossible birth date are not.
	 */
	public static Validation<ChineseIdNumber> parse(String raw, LocalDate today) {
		String candidate = clean(raw);
		String problem = problem(candidate);
		if (problem != null) {
			return Validation.invalid(problem);
		}
		ChineseIdNumber number = new ChineseIdNumber(candidate);
		if (number.birthDate().isAfter(today)) {
			return Validation.invalid(BIRTH_DATE);
		}
		return Validation.valid(number);
	}

	public LocalDate birthDate() {
		return dateAt(this.value);
	}

	/** Odd 17th digit (the serial's last) for men, even for women. */
	public Gender gender() {
		return ((this.value.charAt(16) - '0') % 2 == 1) ? Gender.MALE : Gender.FEMALE;
	}

	/** Region code and serial end only, as screens show it: {@code 110105********0123}. */
	public String masked() {
		return this.value.substring(0, 6) + "********" + this.value.substring(14);
	}

	/** Masked, so that the number never reaches a log by accident; {@link #value()} gives it in full. */
	@Override
	public String toString() {
		return masked();
	}

	/**
	 * Builds the number of a person from a 6-digit area code, a birth date and a 3-digit sequence (odd for men, even
	 * for women), adding the check character; for generated data such as the demo compound.
	 */
	public static ChineseIdNumber of(String areaCode, LocalDate birthDate, int sequence) {
		String first17 = areaCode + birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ "%03d".formatted(sequence);
		return new ChineseIdNumber(first17 + checkCharacter(first17));
	}

	private static char checkCharacter(String first17Digits) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS[sum % 11];
	}

	private static String clean(String raw) {
		String text = TextNormaliser.normalise(raw);
		if (text == null) {
			return "";
		}
		text = text.replace(" ", "");
		return text.endsWith("x") ? text.substring(0, text.length() - 1) + "X" : text;
	}

	private static String problem(String candidate) {
		if (!isWellFormed(candidate)) {
			return FORMAT;
		}
		if (candidate.charAt(17) != checkCharacter(candidate)) {
			return CHECKSUM;
		}
		LocalDate birth = dateAt(candidate);
		if (birth == null || birth.isBefore(EARLIEST_BIRTH)) {
			return BIRTH_DATE;
		}
		return null;
	}

	private static boolean isWellFormed(String candidate) {
		if (candidate.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (!isDigit(candidate.charAt(i))) {
				return false;
			}
		}
		char check = candidate.charAt(LENGTH - 1);
		return isDigit(check) || check == 'X';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The date at positions 7-14, or null when they name no calendar day. */
	private static LocalDate dateAt(String number) {
		try {
			return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
					Integer.parseInt(number.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
