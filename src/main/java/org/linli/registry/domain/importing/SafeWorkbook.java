package org.linli.registry.domain.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet of text written for export, the way every registry export writes it: a header row, then rows of text
 * cells, streamed so that a whole district fits in little memory. Every cell is a text cell, and text a spreadsheet
 * could read as a formula ("=1+1", "@SUM(...)", "+A1", "-A1") is quote-prefixed as well, so opening the file never
 * runs it (formula or CSV injection).
 */
public final class SafeWorkbook implements AutoCloseable {

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final SXSSFSheet sheet;

	private final CellStyle text;

	private final CellStyle quoted;

	private int next;

	public SafeWorkbook(String sheetName, List<String> header) {
		this.sheet = this.workbook.createSheet(sheetName);
		this.text = this.workbook.createCellStyle();
		this.text.setDataFormat(this.workbook.createDataFormat().getFormat("@"));
		this.quoted = this.workbook.createCellStyle();
		this.quoted.cloneStyleFrom(this.text);
		this.quoted.setQuotePrefixed(true);
		row(header);
	}

	/** Appends a row; null values become empty cells. */
	public void row(List<String> values) {
		Row row = this.sheet.createRow(this.next++);
		for (int i = 0; i < values.size(); i++) {
			Cell cell = row.createCell(i);
			String safe = values.get(i) == null ? "" : values.get(i);
			cell.setCellValue(safe);
			cell.setCellStyle(mightRun(safe) ? this.quoted : this.text);
		}
	}

	/** Whether a spreadsheet might take the text for a formula; signed numbers are quoted too, which is harmless. */
	static boolean mightRun(String value) {
		return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
	}

	public byte[] toBytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			this.workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
