package org.linli.audit.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvUnitTests {

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
		assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(Csv.cell("-1")).isEqualTo("\"'-1\"");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(Csv.cell("manager")).isEqualTo("\"manager\"");
		assertThat(Csv.cell(null)).isEmpty();
	}

}
