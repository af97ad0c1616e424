package org.linli.registry.domain.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.linli.registry.domain.importing.SheetReader.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.linli.registry.domain.importing.SheetColumn.BUILDING;
import static org.linli.registry.domain.importing.SheetColumn.ID_NUMBER;
import static org.linli.registry.domain.importing.SheetColumn.NAME;
import static org.linli.registry.domain.importing.SheetColumn.PHONE;
import static org.linli.registry.domain.importing.SheetColumn.RELATION;
import static org.linli.registry.domain.importing.SheetColumn.ROOM;
import static org.linli.registry.domain.importing.SheetColumn.UNIT;

class SheetReaderXlsxUnitTests {

	private static final Object[] ROW = { "1号楼", "1", "101", "张三", "11010519491231002X", "13800138000", "业主" };

	@Test
	void chineseHeadersInAnyOrderWithExtraColumnsIgnored() {
		byte[] xlsx = TestFiles.xlsx(new Object[] { "姓名", "备注", "楼栋", "房号", "单元", "与房屋关系", "手机号", "身份证号" },
				new Object[] { "张三", "门卫", "1号楼", "101", "1", "业主", "13800138000", "11010519491231002X" });

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.fileError()).isNull();
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.rowNumber()).isEqualTo(2);
			assertThat(row.cells()).containsAllEntriesOf(Map.of(BUILDING, "1号楼", UNIT, "1", ROOM, "101", NAME,
					"张三", ID_NUMBER, "11010519491231002X", PHONE, "13800138000", RELATION, "业主"));
			assertThat(row.cell(SheetColumn.ID_TYPE)).isEmpty();
		});
	}

	@Test
	void englishHeadersInAnyCase() {
		byte[] xlsx = TestFiles.xlsx(new Object[] { "RELATION", "Phone", "idnumber", "Name", "room", "Unit", "Building" },
				new Object[] { "OWNER", "13800138000", "11010519491231002X", "Zhang San", "101", "1", "B1" });

		assertThat(SheetReader.read("persons.xlsx", xlsx).rows()).singleElement()
			.satisfies((row) -> assertThat(row.cell(NAME)).isEqualTo("Zhang San"));
	}

	@Test
	void aMissingColumnIsReportedOnRowOne() {
		byte[] xlsx = TestFiles.xlsx(new Object[] { "楼栋", "单元", "房号", "姓名", "手机号", "与房屋关系" },
				new Object[] { "1号楼", "1", "101", "张三", "13800138000", "业主" });

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).containsExactly(new ImportError(1, "idNumber", "import.header.missing"));
	}

	@Test
	void numbersComeBackAsTheirPlainDigits() {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(),
				new Object[] { 3, 1, 1201, "张三", 123456789012345L, 13800138000L, "业主" },
				new Object[] { "3号楼", 2.5, -5, "李四", "110105194912310021", 1.0E10, "业主" });

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.errors()).isEmpty();
		RawRow first = result.rows().get(0);
		assertThat(first.cell(BUILDING)).isEqualTo("3");
		assertThat(first.cell(UNIT)).isEqualTo("1");
		assertThat(first.cell(ROOM)).isEqualTo("1201");
		// a first-generation 15-digit ID number fits what Excel keeps
		assertThat(first.cell(ID_NUMBER)).isEqualTo("123456789012345");
		assertThat(first.cell(PHONE)).isEqualTo("13800138000");
		RawRow second = result.rows().get(1);
		assertThat(second.cell(UNIT)).isEqualTo("2.5");
		assertThat(second.cell(ROOM)).isEqualTo("-5");
		assertThat(second.cell(PHONE)).isEqualTo("10000000000");
	}

	@Test
	void numbersOfMoreThanFifteenDigitsAreFlagged() {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(),
				new Object[] { "1号楼", "1", "101", "张三", 110105194912310021L, 13800138000L, "业主" },
				new Object[] { "1号楼", "1", "102", "李四", 1234567890123456L, 13800138000L, "业主" });

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.errors()).containsExactly(new ImportError(2, "idNumber", "import.cell.precision"),
				new ImportError(3, "idNumber", "import.cell.precision"));
		// still plain digits, but not the ones typed: what is left of 110105194912310021 as a double
		assertThat(result.rows().get(0).cell(ID_NUMBER)).isEqualTo("110105194912310020");
		assertThat(result.rows().get(1).cell(ID_NUMBER)).isEqualTo("1234567890123456");
	}

	@Test
	void numbersAsExcelStoresThemAreReadExactly() throws SAXException {
		// Excel keeps 15 digits of a typed 18-digit number and stores them as 1.1010519491231E+17
		assertThat(SheetXmlHandler.number("1.1010519491231E+17", 2))
			.isEqualTo(new Cell("110105194912310000", "import.cell.precision"));
		assertThat(SheetXmlHandler.number("13800138000", 2)).isEqualTo(new Cell("13800138000", null));
		assertThat(SheetXmlHandler.number("1.3800138E10", 2)).isEqualTo(new Cell("13800138000", null));
		assertThat(SheetXmlHandler.number("101.0", 2)).isEqualTo(new Cell("101", null));
		assertThat(SheetXmlHandler.number("0.0", 2)).isEqualTo(new Cell("0", null));
		assertThat(SheetXmlHandler.number("999999999999999", 2)).isEqualTo(new Cell("999999999999999", null));
		// no double looks like these; written out in full they would take gigabytes
		assertThatExceptionOfType(SAXException.class).isThrownBy(() -> SheetXmlHandler.number("1E-999999999", 2));
		assertThatExceptionOfType(SAXException.class).isThrownBy(() -> SheetXmlHandler.number("1E+999999999", 2));
		assertThatExceptionOfType(SAXException.class).isThrownBy(() -> SheetXmlHandler.number("NaN", 2));
	}

	@Test
	void formulaCellsAreRefusedAndTheirResultsNeverRead() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("名单");
			TestFiles.fill(sheet.createRow(0), TestFiles.chineseHeader());
			Row row = sheet.createRow(1);
			TestFiles.fill(row, "1号楼", "1", "101", "张三", "11010519491231002X", null, "业主");
			row.createCell(5).setCellFormula("\"138\"&\"00138000\"");
			Row numeric = sheet.createRow(2);
			TestFiles.fill(numeric, "1号楼", null, "102", "李四", "110105194912310021", "13900139000", "业主");
			numeric.createCell(1).setCellFormula("1+1");
			// cached results in the file, as Excel saves them
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			xlsx = TestFiles.write(workbook);
		}

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.errors()).containsExactly(new ImportError(2, "phone", "import.cell.formula"),
				new ImportError(3, "unit", "import.cell.formula"));
		assertThat(result.rows().get(0).cell(PHONE)).isEmpty();
		assertThat(result.rows().get(1).cell(UNIT)).isEmpty();
		assertThat(result.rows().get(1).cell(PHONE)).isEqualTo("13900139000");
	}

	@Test
	void formulaLookingTextIsRefusedToo() {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(),
				new Object[] { "1号楼", "1", "101", "=HYPERLINK(\"http://evil.example\",\"x\")", "11010519491231002X",
						"+8613800138000", "业主" });

		ReadResult result = SheetReader.read("名单.xlsx", xlsx);

		assertThat(result.errors()).containsExactly(new ImportError(2, "name", "import.cell.formula"));
		assertThat(result.rows().get(0).cell(PHONE)).isEqualTo("+8613800138000");
	}

	@Test
	void blankRowsAreSkippedAndRowNumbersAreTheSpreadsheetRows() {
		byte[] xlsx = TestFiles.xlsx((sheet) -> {
			TestFiles.fill(sheet.createRow(0), TestFiles.chineseHeader());
			TestFiles.fill(sheet.createRow(1), ROW);
			// a row that is only formatted, and one of blanks, as Excel leaves them behind
			CellStyle yellow = sheet.getWorkbook().createCellStyle();
			yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			Row formatted = sheet.createRow(2);
			for (int c = 0; c < 7; c++) {
				formatted.createCell(c).setCellStyle(yellow);
			}
			TestFiles.fill(sheet.createRow(3), " ", "", "\u3000", null, "", " ", "");
			// rows 5 and 6 do not exist at all
			TestFiles.fill(sheet.createRow(6), ROW);
			// only the ignored eighth column: nothing to import
			TestFiles.fill(sheet.createRow(7), null, null, null, null, null, null, null, "备注");
			TestFiles.fill(sheet.createRow(9), ROW);
		});

		assertThat(SheetReader.read("名单.xlsx", xlsx).rows()).extracting(RawRow::rowNumber).containsExactly(2, 7, 10);
	}

	@Test
	void booleanCellsAreTheirWords() {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(),
				new Object[] { "1号楼", "1", "101", "张三", "11010519491231002X", "13800138000", true });

		assertThat(SheetReader.read("名单.xlsx", xlsx).rows().get(0).cell(RELATION)).isEqualTo("TRUE");
	}

	@Test
	void inlineStringsAreRead() throws IOException {
		byte[] xlsx;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("名单");
			TestFiles.fill(sheet.createRow(0), TestFiles.englishHeader());
			TestFiles.fill(sheet.createRow(1), "1号楼", "1", "101", "欧阳娜娜", "11010519491231002X", 13800138000L, "业主");
			xlsx = TestFiles.write(workbook);
		}
		assertThat(new String(entry(xlsx, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)).contains("inlineStr")
			.doesNotContain("t=\"s\"");

		ReadResult result = SheetReader.read("persons.xlsx", xlsx);

		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.cell(NAME)).isEqualTo("欧阳娜娜");
			assertThat(row.cell(PHONE)).isEqualTo("13800138000");
		});
	}

	@Test
	void onlyTheFirstSheetIsRead() throws IOException {
		byte[] xlsx;
		try (Workbook workbook = new XSSFWorkbook()) {
			Sheet first = workbook.createSheet("名单");
			TestFiles.fill(first.createRow(0), TestFiles.chineseHeader());
			TestFiles.fill(first.createRow(1), ROW);
			Sheet second = workbook.createSheet("旧名单");
			TestFiles.fill(second.createRow(0), TestFiles.chineseHeader());
			for (int r = 1; r <= 5; r++) {
				TestFiles.fill(second.createRow(r), "9号楼", "9", "909", "旧人", "x", "y", "租户");
			}
			xlsx = TestFiles.write(workbook);
		}

		assertThat(SheetReader.read("名单.xlsx", xlsx).rows()).singleElement()
			.satisfies((row) -> assertThat(row.cell(BUILDING)).isEqualTo("1号楼"));
	}

	@Test
	void aHeaderWithoutRowsOrAnEmptySheetIsEmpty() {
		assertThat(SheetReader.read("名单.xlsx", TestFiles.xlsx(TestFiles.chineseHeader())).fileError())
			.isEqualTo("import.file.empty");
		assertThat(SheetReader.read("名单.xlsx", TestFiles.xlsx((sheet) -> {
		})).fileError()).isEqualTo("import.file.empty");
	}

	@Test
	void moreRowsThanTheLimitAreRefused() {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(), ROW, ROW, ROW);

		assertThat(SheetReader.read("名单.xlsx", xlsx, new Limits(Limits.DEFAULT.maxBytes(), 3)).rows()).hasSize(3);
		assertThat(SheetReader.read("名单.xlsx", xlsx, new Limits(Limits.DEFAULT.maxBytes(), 2)).fileError())
			.isEqualTo("import.file.tooManyRows");
	}

	@Test
	void aSheetInflatedFarBeyondTheRatioIsRefusedAsCorrupt() throws IOException {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(), ROW);
		// the same sheet with ignorable whitespace: 1 KiB is harmless, 20 MiB deflates about a thousandfold
		byte[] harmless = padSheet(xlsx, 1024);
		byte[] bomb = padSheet(xlsx, 20 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(100 * 1024);

		assertThat(SheetReader.read("名单.xlsx", harmless).rows()).hasSize(1);
		assertThat(SheetReader.read("名单.xlsx", bomb).fileError()).isEqualTo("import.file.corrupt");
	}

	@Test
	void zipChecksAreInForceAndNoTemporaryFileIsLeft() throws IOException {
		Set<Path> before = temporaryFiles();

		SheetReader.read("名单.xlsx", TestFiles.xlsx(TestFiles.chineseHeader(), ROW));
		SheetReader.read("名单.xlsx", padSheet(TestFiles.xlsx(TestFiles.chineseHeader(), ROW), 20 * 1024 * 1024));
		SheetReader.read("名单.xlsx", new byte[] { 'P', 'K', 3, 4 });

		assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
		assertThat(ZipSecureFile.getMaxEntrySize()).isLessThanOrEqualTo(128L * 1024 * 1024);
		assertThat(temporaryFiles()).isSubsetOf(before);
	}

	private static Set<Path> temporaryFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((file) -> file.getFileName().toString().startsWith("linli-import-"))
				.collect(Collectors.toSet());
		}
	}

	/** One part of a workbook, read through the central directory as SXSSF writes sizes only there. */
	private static byte[] entry(byte[] xlsx, String name) throws IOException {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
				InputStream in = zip.getInputStream(zip.getEntry(name))) {
			return in.readAllBytes();
		}
	}

	/** Rewrites the workbook with so many spaces before {@code </sheetData>}. */
	private static byte[] padSheet(byte[] xlsx, int spaces) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					assertThat(xml).contains("</sheetData>");
					content = xml.replace("</sheetData>", " ".repeat(spaces) + "</sheetData>")
						.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
