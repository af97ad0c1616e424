package org.linli.shared.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlateNumberUnitTests {

	private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

	@Test
	void acceptsAnOrdinaryPlateOfEveryProvince() {
		assertThat(PROVINCES).hasSize(31);
		for (char province : PROVINCES.toCharArray()) {
			PlateNumber plate = PlateNumber.parse(province + "A12345").orElseThrow();
			assertThat(plate.value()).isEqualTo(province + "A12345");
			assertThat(plate.isNewEnergy()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "港A12345", "澳A12345", "台A12345", "使A12345", "领A12345", "WJ12345", "AA12345", "中A12345" })
	void rejectsWhatIsNotAMainlandProvince(String raw) {
		assertThat(PlateNumber.parse(raw)).isEqualTo(Validation.invalid("plate.format"));
	}

	@Test
	void theOfficeLetterIsAnyLetterButIAndO() {
		for (char letter = 'A'; letter <= 'Z'; letter++) {
			boolean expected = letter != 'I' && letter != 'O';
			assertThat(PlateNumber.parse("京" + letter + "12345").isValid()).as("office %s", letter).isEqualTo(expected);
		}
		assertThat(PlateNumber.parse("京112345").isValid()).isFalse();
	}

	@Test
	void theSerialMayUseDigitsAndLettersButIAndO() {
		for (char c = 'A'; c <= 'Z'; c++) {
			boolean expected = c != 'I' && c != 'O';
			for (int position = 2; position < 7; position++) {
				String plate = ("京A12345".substring(0, position) + c + "京A12345".substring(position + 1));
				assertThat(PlateNumber.parse(plate).isValid()).as(plate).isEqualTo(expected);
			}
		}
		assertThat(PlateNumber.parse("京AB2C4E").isValid()).isTrue();
		assertThat(PlateNumber.parse("京A00000").isValid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "粤B1234学", "沪A1234挂", "京AB123学", "苏E9876挂" })
	void acceptsLearnerAndTrailerPlates(String raw) {
		PlateNumber plate = PlateNumber.parse(raw).orElseThrow();
		assertThat(plate.value()).isEqualTo(raw);
		assertThat(plate.isNewEnergy()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "京A1234警", "京A1234领", "京A1234港", "京A1234澳", "京A1234使", "京A学1234", "京A123学4",
			"京A12345学", "京AD1234学", "京AD1234挂" })
	void rejectsOtherSpecialEndingsAndLearnerOrTrailerAnywhereButAtTheEnd(String raw) {
		assertThat(PlateNumber.parse(raw)).isEqualTo(Validation.invalid("plate.format"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "京AD12345", "京AF12345", "粤BDA1234", "沪AFZ9999", "京AD00001", "京A12345D", "粤B00001F" })
	void acceptsNewEnergyPlates(String raw) {
		PlateNumber plate = PlateNumber.parse(raw).orElseThrow();
		assertThat(plate.value()).isEqualTo(raw);
		assertThat(plate.isNewEnergy()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "京AA12345", "京AE12345", "京A1D2345", "京AF1A234", "京ADA123B", "京ADI1234",
			"京ADO1234", "京A1234D5", "京A1234AD", "京AA2345D", "京A12345E", "京A123456", "京AD123456", "京A123456D" })
	void rejectsPlatesThatBreakTheNewEnergyLayout(String raw) {
		assertThat(PlateNumber.parse(raw)).isEqualTo(Validation.invalid("plate.format"));
	}

	@ParameterizedTest
	@CsvSource({ "京a12345, 京A12345", "京A·12345, 京A12345", "京A・12345, 京A12345", "京A.12345, 京A12345",
			"京A-12345, 京A12345", "'京 A 12345', 京A12345", "京Ａ１２３４５, 京A12345", "京Ａ．１２３４５, 京A12345",
			"粤b·da1234, 粤BDA1234", "京ad12345, 京AD12345", "' 京\u3000A\u00B712345 ', 京A12345" })
	void forgivesCaseAndSeparators(String raw, String expected) {
		assertThat(PlateNumber.parse(raw).orElseThrow().value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "京", "京A", "京A1234", "京A12_345", "京A12345!", "A12345" })
	void rejectsWhatIsTooShortOrNotAPlateAtAll(String raw) {
		assertThat(PlateNumber.parse(raw)).isEqualTo(Validation.invalid("plate.format"));
	}

	@Test
	void masksAllButOfficeAndTheLastTwo() {
		assertThat(PlateNumber.parse("京A12345").orElseThrow().masked()).isEqualTo("京A***45");
		assertThat(PlateNumber.parse("粤B1234学").orElseThrow().masked()).isEqualTo("粤B***4学");
		assertThat(PlateNumber.parse("京AD12345").orElseThrow().masked()).isEqualTo("京A****45");
		assertThat(PlateNumber.parse("京A12345D").orElseThrow().masked()).isEqualTo("京A****5D");
	}

	@Test
	void toStringNeverShowsTheFullPlate() {
		assertThat(PlateNumber.parse("京A12345").orElseThrow()).hasToString("京A***45");
	}

	@Test
	void theConstructorAcceptsOnlyThePlainForm() {
		assertThat(new PlateNumber("京A12345").value()).isEqualTo("京A12345");
		assertThatIllegalArgumentException().isThrownBy(() -> new PlateNumber(null)).withMessage("plate.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new PlateNumber("京a12345")).withMessage("plate.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new PlateNumber("京A·12345"))
			.withMessage("plate.format");
		assertThat(PlateNumber.FORMAT).isEqualTo("plate.format");
	}

}
