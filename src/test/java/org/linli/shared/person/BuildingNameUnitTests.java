package org.linli.shared.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BuildingNameUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "1号楼", "1栋", "1幢", "1#", "1#楼", "1号", "1", "01栋", "001号楼", "一号楼", "一栋", "一幢",
			"一#", "第1栋", "第一栋", "第一号楼", " １ 号楼 ", "１＃楼", "1 栋", "\u30001号楼\u3000" })
	void resolvesTheAliasesOfBuildingOne(String raw) {
		assertThat(BuildingName.canonical(raw)).isEqualTo("1号楼");
	}

	@ParameterizedTest
	@CsvSource({ "12号, 12号楼", "十二栋, 12号楼", "12#楼, 12号楼", "一十二号楼, 12号楼", "２０幢, 20号楼", "128栋, 128号楼",
			"100号楼, 100号楼" })
	void resolvesOtherNumbers(String raw, String canonical) {
		assertThat(BuildingName.canonical(raw)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource({ "一, 1", "二, 2", "两, 2", "三, 3", "四, 4", "五, 5", "六, 6", "七, 7", "八, 8", "九, 9", "十, 10", "一十, 10",
			"十一, 11", "十九, 19", "二十, 20", "二十三, 23", "五十, 50", "九十九, 99" })
	void readsChineseNumeralsUpToNinetyNine(String numeral, String number) {
		assertThat(BuildingName.canonical(numeral + "号楼")).isEqualTo(number + "号楼");
		assertThat(BuildingName.canonical(numeral + "栋")).isEqualTo(number + "号楼");
		assertThat(BuildingName.canonicalUnit(numeral + "单元")).isEqualTo(number);
	}

	@ParameterizedTest
	@ValueSource(strings = { "十十栋", "二二栋", "两十栋", "十两栋", "二十两栋", "二十二十栋", "十二三栋", "一二栋" })
	void leavesMalformedChineseNumeralsAlone(String raw) {
		assertThat(BuildingName.canonical(raw)).isEqualTo(raw);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A座", "综合楼", "1楼", "B栋", "1座", "0栋", "0", "00号楼", "一", "十二", "第1", "1号楼2单元",
			"1-1", "1234567栋", "１楼" })
	void leavesWhatIsNotANumberedBuildingAsNormalised(String raw) {
		assertThat(BuildingName.canonical(raw)).isEqualTo(TextNormaliser.normalise(raw));
	}

	@Test
	void normalisesNamesItDoesNotResolve() {
		assertThat(BuildingName.canonical("  Ａ座 ")).isEqualTo("A座");
		assertThat(BuildingName.canonical("综合\u3000 楼")).isEqualTo("综合 楼");
		assertThat(BuildingName.canonical("１楼")).isEqualTo("1楼");
	}

	@Test
	void nullStaysNull() {
		assertThat(BuildingName.canonical(null)).isNull();
		assertThat(BuildingName.canonicalUnit(null)).isNull();
		assertThat(BuildingName.canonicalRoom(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1单元", "一单元", "1", "01", "１", " 1 单元 ", "第1单元", "第一单元", "１单元" })
	void resolvesTheAliasesOfUnitOne(String raw) {
		assertThat(BuildingName.canonicalUnit(raw)).isEqualTo("1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "A单元", "东单元", "一", "0", "0单元", "第1", "单元", "1单" })
	void leavesWhatIsNotANumberedUnitAsNormalised(String raw) {
		assertThat(BuildingName.canonicalUnit(raw)).isEqualTo(raw);
	}

	@ParameterizedTest
	@CsvSource({ "101室, 101", "101, 101", "１０１, 101", "' 101 室 ', 101", "１０１室, 101", "0101, 0101", "B101室, B101",
			"1-101, 1-101", "2-1-101室, 2-1-101" })
	void resolvesRoomNumbers(String raw, String canonical) {
		assertThat(BuildingName.canonicalRoom(raw)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource({ "地下室, 地下室", "室, 室", "' 商铺 1 ', 商铺 1", "101-, 101-", "101室室, 101室室" })
	void leavesWhatIsNotARoomNumberAsNormalised(String raw, String expected) {
		assertThat(BuildingName.canonicalRoom(raw)).isEqualTo(expected);
	}

}
