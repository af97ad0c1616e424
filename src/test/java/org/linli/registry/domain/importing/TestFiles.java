package org.linli.registry.domain.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Upload files built in the test, the way Excel or a text editor would save them. */
final class TestFiles {

	static final String ENGLISH_HEADER = "building,unit,room,name,idNumber,phone,relation";

	static final String CHINESE_HEADER = "楼栋,单元,房号,姓名,身份证号,手机号,与房屋关系";

	private TestFiles() {
	}

	static byte[] csv(Charset charset, String text) {
		return text.getBytes(charset);
	}

	static byte[] utf8(String text) {
		return csv(StandardCharsets.UTF_8, text);
	}

	static byte[] utf8WithBom(String text) {
		byte[] body = utf8(text);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}

	/**
	 * A workbook whose first sheet holds the given rows from row 1 on: a String is a text cell, a Number a numeric cell,
	 * a Boolean a boolean cell, null no cell at all.
	 */
	static byte[] xlsx(Object[]... rows) {
		return xlsx((sheet) -> {
			for (int r = 0; r < rows.length; r++) {
				fill(sheet.createRow(r), rows[r]);
			}
		});
	}

	static byte[] xlsx(Consumer<Sheet> content) {
		try (Workbook workbook = new XSSFWorkbook()) {
			content.accept(workbook.createSheet("名单"));
			return write(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void fill(Row row, Object... values) {
		for (int c = 0; c < values.length; c++) {
			switch (values[c]) {
				case null -> {
				}
				case String text -> row.createCell(c).setCellValue(text);
				case Number number -> row.createCell(c).setCellValue(number.doubleValue());
				case Boolean bool -> row.createCell(c).setCellValue(bool);
				default -> throw new IllegalArgumentException(values[c].toString());
			}
		}
	}

	static byte[] write(Workbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	static Object[] englishHeader() {
		return ENGLISH_HEADER.split(",");
	}

	static Object[] chineseHeader() {
		return CHINESE_HEADER.split(",");
	}

}
