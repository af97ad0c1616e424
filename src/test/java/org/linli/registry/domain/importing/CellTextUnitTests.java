package org.linli.registry.domain.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextUnitTests {

	@Test
	void textASpreadsheetWouldRunIsAFormula() {
		assertThat(new String[] { "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"点击\")", "=1", "+1+1",
				"-1+1", "-2-3*4", "+A1", "-SUM(A1:A2)", "@SUM(1,2)", "@A1", "+cmd|' /C calc'!A0", "--1", "-5+",
				"+86 138+1" })
			.allSatisfy((text) -> assertThat(CellText.looksLikeFormula(text)).as(text).isTrue());
	}

	@Test
	void signedNumbersAndOrdinaryTextAreData() {
		assertThat(new String[] { "-5", "+5", "-3.5", "+8613800138000", "+86 138 0013 8000", "+86-138-0013-8000",
				"+1-555-0100", "-", "+", "=", "@", "", "张三", "1-101", "a=b", "13800138000", "1号楼" })
			.allSatisfy((text) -> assertThat(CellText.looksLikeFormula(text)).as(text).isFalse());
	}

	@Test
	void checkRefusesFormulasAndFlagsScientificNotation() {
		assertThat(CellText.check("=1+1")).isEqualTo("import.cell.formula");
		assertThat(CellText.check("1.10105E+17")).isEqualTo("import.cell.precision");
		assertThat(CellText.check("1.38001E+10")).isEqualTo("import.cell.precision");
		assertThat(CellText.check("1e+17")).isEqualTo("import.cell.precision");
		assertThat(CellText.check("110105199001010123")).isNull();
		assertThat(CellText.check("3E1")).isNull();
		assertThat(CellText.check("-5")).isNull();
		assertThat(CellText.check("王小明")).isNull();
	}

}
