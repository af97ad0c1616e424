package org.linli.shared.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MobileNumberUnitTests {

	@Test
	void acceptsElevenDigitsAndMasksTheMiddleFour() {
		MobileNumber number = MobileNumber.parse("13800138000").orElseThrow();
		assertThat(number.value()).isEqualTo("13800138000");
		assertThat(number.masked()).isEqualTo("138****8000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", " 13800138000 ", "138 0013 8000", "138-0013-8000", "+8613800138000",
			"+86 138 0013 8000", "+86-138-0013-8000", "008613800138000", "0086 13800138000", "8613800138000",
			"１３８００１３８０００", "＋８６　１３８－００１３－８０００", "\uFEFF13800138000" })
	void forgivesSpacesHyphensFullWidthDigitsAndTheCountryCode(String raw) {
		assertThat(MobileNumber.parse(raw).orElseThrow().value()).isEqualTo("13800138000");
	}

	@ParameterizedTest
	@ValueSource(chars = { '3', '4', '5', '6', '7', '8', '9' })
	void acceptsEverySecondDigitFromThreeToNine(char second) {
		String number = "1" + second + "012345678";
		assertThat(MobileNumber.parse(number).orElseThrow().value()).isEqualTo(number);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "10012345678", "11012345678", "12012345678", "23800138000", "03800138000",
			"1380013800", "138001380001", "1380013800a", "138.0013.8000", "(138)00138000", "+8513800138000",
			"+86", "+861380013800", "86138001380001", "086 13800138000", "+0013800138000", "8813800138000",
			"0087 13800138000", "\u0661\u0663800138000" })
	void rejectsAnythingElse(String raw) {
		assertThat(MobileNumber.parse(raw)).isEqualTo(Validation.invalid("phone.format"));
	}

	@Test
	void toStringNeverShowsTheFullNumber() {
		assertThat(MobileNumber.parse("13912345678").orElseThrow()).hasToString("139****5678");
	}

	@Test
	void theConstructorAcceptsOnlyThePlainElevenDigits() {
		assertThat(new MobileNumber("13800138000").value()).isEqualTo("13800138000");
		assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber(null)).withMessage("phone.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("+8613800138000"))
			.withMessage("phone.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("138 0013 8000"))
			.withMessage("phone.format");
		assertThat(MobileNumber.FORMAT).isEqualTo("phone.format");
	}

}
