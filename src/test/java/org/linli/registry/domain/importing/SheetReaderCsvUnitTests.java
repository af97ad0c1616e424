package org.linli.registry.domain.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linli.registry.domain.importing.SheetReader.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.registry.domain.importing.SheetColumn.BUILDING;
import static org.linli.registry.domain.importing.SheetColumn.ID_NUMBER;
import static org.linli.registry.domain.importing.SheetColumn.NAME;
import static org.linli.registry.domain.importing.SheetColumn.PHONE;
import static org.linli.registry.domain.importing.SheetColumn.RELATION;
import static org.linli.registry.domain.importing.SheetColumn.ROOM;
import static org.linli.registry.domain.importing.SheetColumn.UNIT;
import static org.linli.registry.domain.importing.TestFiles.CHINESE_HEADER;
import static org.linli.registry.domain.importing.TestFiles.ENGLISH_HEADER;

class SheetReaderCsvUnitTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static final String ROW = "1号楼,1,101,张三,11010519491231002X,13800138000,业主";

	@Test
	void englishHeadersInAnyOrderWithExtraColumnsIgnored() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8("""
				remark,phone,relation,Name,IDNUMBER,room,unit,building
				VIP,13800138000,OWNER,Zhang San,11010519491231002X,101,1,B1
				"""));

		assertThat(result.fileError()).isNull();
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.rowNumber()).isEqualTo(2);
			assertThat(row.cells()).containsAllEntriesOf(Map.of(BUILDING, "B1", UNIT, "1", ROOM, "101", NAME,
					"Zhang San", ID_NUMBER, "11010519491231002X", PHONE, "13800138000", RELATION, "OWNER"));
			assertThat(row.cell(SheetColumn.ID_TYPE)).isEmpty();
		});
	}

	@Test
	void chineseHeadersInAnyOrder() {
		ReadResult result = SheetReader.read("名单.csv", TestFiles.utf8("""
				与房屋关系,手机号,身份证号,姓名,房号,单元,楼栋
				共有人,13900139000,110105194912310021,李四,202,2,2号楼
				"""));

		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.cell(NAME)).isEqualTo("李四");
			assertThat(row.cell(BUILDING)).isEqualTo("2号楼");
			assertThat(row.cell(RELATION)).isEqualTo("共有人");
			assertThat(row.cell(PHONE)).isEqualTo("13900139000");
		});
	}

	@Test
	void gbkIsReadWhenTheFileIsNotUtf8() {
		byte[] gbk = TestFiles.csv(GBK, CHINESE_HEADER + "\r\n" + ROW + "\r\n3号楼,2,302,欧阳娜娜,,,家庭成员\r\n");
		assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(gbk)))
			.isInstanceOf(CharacterCodingException.class);

		ReadResult result = SheetReader.read("名单.csv", gbk);

		assertThat(result.fileError()).isNull();
		assertThat(result.rows()).extracting((row) -> row.cell(NAME)).containsExactly("张三", "欧阳娜娜");
		assertThat(result.rows()).extracting((row) -> row.cell(RELATION)).containsExactly("业主", "家庭成员");
	}

	@Test
	void utf8IsReadWithAndWithoutByteOrderMark() {
		String text = CHINESE_HEADER + "\n" + ROW + "\n";

		ReadResult plain = SheetReader.read("名单.csv", TestFiles.utf8(text));
		ReadResult withBom = SheetReader.read("名单.csv", TestFiles.utf8WithBom(text));

		assertThat(plain.rows()).singleElement().satisfies((row) -> assertThat(row.cell(NAME)).isEqualTo("张三"));
		// the first header is 楼栋, not U+FEFF 楼栋: with the mark left in, building would be missing
		assertThat(withBom.errors()).isEmpty();
		assertThat(withBom.rows()).singleElement().satisfies((row) -> {
			assertThat(row.cell(BUILDING)).isEqualTo("1号楼");
			assertThat(row.cell(NAME)).isEqualTo("张三");
		});
	}

	@Test
	void quotedFieldsKeepCommasQuotesAndNewlinesAndCountAsOneRow() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\r\n"
				+ "\"1号楼, 东区\",1,\"101\r\n(东户)\",\"王\"\"小\"\"明\",11010519491231002X,13800138000,OWNER\r\n"
				+ "2号楼,1,102,赵六,110105194912310021,13700137000,TENANT\r\n"));

		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).hasSize(2);
		RawRow first = result.rows().get(0);
		assertThat(first.cell(BUILDING)).isEqualTo("1号楼, 东区");
		assertThat(first.cell(ROOM)).isEqualTo("101\r\n(东户)");
		assertThat(first.cell(NAME)).isEqualTo("王\"小\"明");
		// one record over two lines is one spreadsheet row
		assertThat(result.rows()).extracting(RawRow::rowNumber).containsExactly(2, 3);
	}

	@Test
	void cellsAreTrimmedOnly() {
		ReadResult result = SheetReader.read("persons.csv",
				TestFiles.utf8(ENGLISH_HEADER + "\n  1号楼 , 1 ,１０１,\u3000张三\u3000, 11010519491231002x ,13800138000 ,业主\n"));

		RawRow row = result.rows().get(0);
		assertThat(row.cell(BUILDING)).isEqualTo("1号楼");
		assertThat(row.cell(ROOM)).isEqualTo("１０１");
		assertThat(row.cell(NAME)).isEqualTo("张三");
		assertThat(row.cell(ID_NUMBER)).isEqualTo("11010519491231002x");
	}

	@Test
	void blankRowsAreSkippedAndRowNumbersAreTheSpreadsheetRows() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n" + ROW + "\n" + "\n"
				+ ",,,,,,\n" + " , ,\u3000, , , , \n" + ROW + "\n" + "\n"));

		assertThat(result.rows()).extracting(RawRow::rowNumber).containsExactly(2, 6);
	}

	@Test
	void shortRowsLeaveTheMissingCellsEmpty() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n1号楼,1,101\n"));

		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.cell(ROOM)).isEqualTo("101");
			assertThat(row.cell(NAME)).isEmpty();
			assertThat(row.cell(RELATION)).isEmpty();
		});
	}

	@Test
	void aMissingColumnIsReportedOnRowOne() {
		ReadResult result = SheetReader.read("persons.csv",
				TestFiles.utf8("building,unit,room,name,idNumber,relation\nB1,1,101,张三,11010519491231002X,OWNER\n"));

		assertThat(result.fileError()).isNull();
		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).containsExactly(new ImportError(1, "phone", "import.header.missing"));
	}

	@Test
	void everyMissingColumnIsReported() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8("姓名,电话,身份证\n张三,13800138000,x\n"));

		assertThat(result.errors()).extracting(ImportError::field)
			.containsExactly("building", "unit", "room", "idNumber", "phone", "relation");
		assertThat(result.errors()).extracting(ImportError::row).containsOnly(1);
		assertThat(result.errors()).extracting(ImportError::code).containsOnly("import.header.missing");
	}

	@Test
	void aHeaderBelowRowOneIsNoHeader() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8("\n" + ENGLISH_HEADER + "\n" + ROW + "\n"));

		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).hasSize(7)
			.allSatisfy((error) -> assertThat(error).extracting(ImportError::row, ImportError::code)
				.containsExactly(1, "import.header.missing"));
	}

	@Test
	void aColumnNamedTwiceIsReported() {
		ReadResult result = SheetReader.read("persons.csv",
				TestFiles.utf8(ENGLISH_HEADER + ",姓名\n" + ROW + ",李四\n"));

		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).containsExactly(new ImportError(1, "name", "import.header.duplicate"));
	}

	@Test
	void aHeaderWithoutRowsIsEmpty() {
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n")).fileError())
			.isEqualTo("import.file.empty");
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n,,,,,,\n\n")).fileError())
			.isEqualTo("import.file.empty");
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8("\n\n \n")).fileError())
			.isEqualTo("import.file.empty");
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8WithBom("")).fileError())
			.isEqualTo("import.file.empty");
	}

	@Test
	void formulaLookingTextIsRefusedForItsRowAndColumn() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n"
				+ "1号楼,1,101,\"=cmd|' /C calc'!A0\",11010519491231002X,13800138000,业主\n"
				+ "1号楼,1,102,李四,11010519491231002X,+1+1,业主\n"
				+ "1号楼,1,103,王五,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",13800138000,@SUM(1)\n"
				+ "1号楼,-5,104,赵六,11010519491231002X,+8613800138000,业主\n"));

		assertThat(result.errors()).containsExactly(new ImportError(2, "name", "import.cell.formula"),
				new ImportError(3, "phone", "import.cell.formula"), new ImportError(4, "idNumber", "import.cell.formula"),
				new ImportError(4, "relation", "import.cell.formula"));
		assertThat(result.rows()).extracting(RawRow::rowNumber).containsExactly(2, 3, 4, 5);
		assertThat(result.rows().get(0).cell(NAME)).isEmpty();
		assertThat(result.rows().get(1).cell(PHONE)).isEmpty();
		// a negative number and an international phone number are data
		assertThat(result.rows().get(3).cell(UNIT)).isEqualTo("-5");
		assertThat(result.rows().get(3).cell(PHONE)).isEqualTo("+8613800138000");
	}

	@Test
	void aRowOfOnlyAFormulaIsNotBlank() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n,,,=1+1,,,\n"));

		assertThat(result.rows()).singleElement().extracting(RawRow::rowNumber).isEqualTo(2);
		assertThat(result.errors()).containsExactly(new ImportError(2, "name", "import.cell.formula"));
	}

	@Test
	void numbersExcelSavedInScientificNotationAreFlagged() {
		ReadResult result = SheetReader.read("persons.csv",
				TestFiles.utf8(ENGLISH_HEADER + "\n1号楼,1,101,张三,1.10105E+17,13800138000,业主\n"));

		assertThat(result.errors()).containsExactly(new ImportError(2, "idNumber", "import.cell.precision"));
		assertThat(result.rows().get(0).cell(ID_NUMBER)).isEqualTo("1.10105E+17");
	}

	@Test
	void anUnbalancedQuoteIsCorrupt() {
		ReadResult result = SheetReader.read("persons.csv", TestFiles.utf8(ENGLISH_HEADER + "\n\"1号楼,1,101\n"));

		assertThat(result.fileError()).isEqualTo("import.file.corrupt");
	}

	@Test
	void textInNeitherUtf8NorGbkIsCorrupt() {
		byte[] content = TestFiles.utf8(ENGLISH_HEADER + "\nB1,1,101,x,y,z,");
		byte[] broken = Arrays.copyOf(content, content.length + 2);
		broken[content.length] = (byte) 0xFF;
		broken[content.length + 1] = (byte) 0xFF;

		assertThat(SheetReader.read("persons.csv", broken).fileError()).isEqualTo("import.file.corrupt");
	}

	@Test
	void moreRowsThanTheLimitAreRefused() {
		String three = ENGLISH_HEADER + "\n" + ROW + "\n\n" + ROW + "\n" + ROW + "\n";
		Limits limits = new Limits(Limits.DEFAULT.maxBytes(), 3);

		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(three), limits).rows()).hasSize(3);
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(three + ROW + "\n"), limits).fileError())
			.isEqualTo("import.file.tooManyRows");
	}

	@Test
	void theDefaultLimitIsOneHundredThousandRows() {
		StringBuilder csv = new StringBuilder(ENGLISH_HEADER).append('\n');
		for (int i = 0; i < 100_000; i++) {
			csv.append("1,1,").append(i).append(",张三,x,1,业主\n");
		}
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(csv.toString())).rows()).hasSize(100_000)
			.last()
			.extracting(RawRow::rowNumber)
			.isEqualTo(100_001);

		csv.append("1,1,100000,张三,x,1,业主\n");
		assertThat(SheetReader.read("persons.csv", TestFiles.utf8(csv.toString())).fileError())
			.isEqualTo("import.file.tooManyRows");
	}

}
