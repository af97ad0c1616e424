package org.linli.registry.domain.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheetColumnUnitTests {

	@Test
	void everyColumnHasItsChineseAndEnglishHeader() {
		assertThat(SheetColumn.forHeader("楼栋")).contains(SheetColumn.BUILDING);
		assertThat(SheetColumn.forHeader("单元")).contains(SheetColumn.UNIT);
		assertThat(SheetColumn.forHeader("房号")).contains(SheetColumn.ROOM);
		assertThat(SheetColumn.forHeader("姓名")).contains(SheetColumn.NAME);
		assertThat(SheetColumn.forHeader("身份证号")).contains(SheetColumn.ID_NUMBER);
		assertThat(SheetColumn.forHeader("手机号")).contains(SheetColumn.PHONE);
		assertThat(SheetColumn.forHeader("与房屋关系")).contains(SheetColumn.RELATION);
		for (SheetColumn column : SheetColumn.values()) {
			assertThat(SheetColumn.forHeader(column.field())).contains(column);
			assertThat(SheetColumn.forHeader(column.chinese())).contains(column);
		}
	}

	@Test
	void fieldsAreTheApiNames() {
		assertThat(SheetColumn.values()).extracting(SheetColumn::field)
			.containsExactly("building", "unit", "room", "name", "idNumber", "phone", "relation", "idType",
					"birthDate", "gender");
	}

	@Test
	void onlyTheSevenColumnsOfTheApiAreRequired() {
		assertThat(SheetColumn.values()).filteredOn(SheetColumn::required).extracting(SheetColumn::field)
			.containsExactly("building", "unit", "room", "name", "idNumber", "phone", "relation");
	}

	@Test
	void headersAreMatchedTrimmedCaseInsensitivelyAndFullWidthFolded() {
		assertThat(SheetColumn.forHeader("  姓名\t")).contains(SheetColumn.NAME);
		assertThat(SheetColumn.forHeader("\u3000房号\u3000")).contains(SheetColumn.ROOM);
		assertThat(SheetColumn.forHeader("IDNUMBER")).contains(SheetColumn.ID_NUMBER);
		assertThat(SheetColumn.forHeader("IdNumber")).contains(SheetColumn.ID_NUMBER);
		assertThat(SheetColumn.forHeader("Phone ")).contains(SheetColumn.PHONE);
		assertThat(SheetColumn.forHeader("ｉｄＮｕｍｂｅｒ")).contains(SheetColumn.ID_NUMBER);
		assertThat(SheetColumn.forHeader("ＢＵＩＬＤＩＮＧ")).contains(SheetColumn.BUILDING);
		assertThat(SheetColumn.forHeader("\uFEFFbuilding")).contains(SheetColumn.BUILDING);
	}

	@Test
	void otherHeadersAreNoColumn() {
		assertThat(SheetColumn.forHeader("备注")).isEmpty();
		assertThat(SheetColumn.forHeader("id number")).isEmpty();
		assertThat(SheetColumn.forHeader("")).isEmpty();
		assertThat(SheetColumn.forHeader(null)).isEmpty();
	}

}
