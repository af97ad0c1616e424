package org.linli.shared.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingUnitTests {

	@ParameterizedTest
	@CsvSource({ "张三, 张*", "张小三, 张*三", "欧阳建华, 欧**华", "欧阳华, 欧*华", "阿依古丽·买买提, 阿******提",
			"'  张\u3000三 ', 张*", "王, *", "𠀀小𠀁, 𠀀*𠀁" })
	void chineseNamesKeepTheFirstAndLastCharacter(String name, String masked) {
		assertThat(Masking.name(name)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource({ "John Smith, J***", "Li, L***", "a, a***", "'  ｊｏｈｎ ', j***", "Ólafur, Ó***" })
	void otherNamesKeepOnlyTheFirstLetterAndHideTheirLength(String name, String masked) {
		assertThat(Masking.name(name)).isEqualTo(masked);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\u3000", "\uFEFF" })
	void nothingMasksToNothing(String blank) {
		assertThat(Masking.name(blank)).isEmpty();
		assertThat(Masking.phone(blank)).isEmpty();
		assertThat(Masking.idNumber(blank)).isEmpty();
		assertThat(Masking.plate(blank)).isEmpty();
	}

	@Test
	void validPhonesIdNumbersAndPlatesUseTheirOwnMask() {
		assertThat(Masking.phone("+86 138-0013-8000")).isEqualTo("138****8000");
		assertThat(Masking.idNumber("11010519491231002x")).isEqualTo("110105********002X");
		assertThat(Masking.plate("京a·12345")).isEqualTo("京A***45");
	}

	@Test
	void malformedValuesStillHideAllButTheirEnds() {
		assertThat(Masking.phone("010-62345678")).isEqualTo("0**********8");
		assertThat(Masking.phone("1380013800")).isEqualTo("1********0");
		assertThat(Masking.idNumber("110105491231002")).isEqualTo("1*************2");
		assertThat(Masking.idNumber("110105194912310021")).isEqualTo("1****************1");
		assertThat(Masking.plate("港A12345")).isEqualTo("港*****5");
	}

	@Test
	void malformedValuesOfOneOrTwoCharactersShowAtMostTheFirst() {
		assertThat(Masking.phone("1")).isEqualTo("*");
		assertThat(Masking.phone("12")).isEqualTo("1*");
		assertThat(Masking.idNumber("x")).isEqualTo("*");
		assertThat(Masking.phone("123")).isEqualTo("1*3");
	}

	@Test
	void maskedValuesNeverContainTheHiddenDigits() {
		assertThat(Masking.phone("13812345678")).doesNotContain("1234");
		assertThat(Masking.idNumber("11010519491231002X")).doesNotContain("1949");
		assertThat(Masking.phone("legacy 13812345678 note")).doesNotContain("1234");
	}

}
