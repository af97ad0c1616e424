package org.linli.registry.domain.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The downloadable person import template: the header row in the user's language (headers the import accepts in
 * either language) and one example row, every column formatted as text so Excel keeps ID numbers whole.
 */
@Component
public class ImportTemplate {

	private final MessageSource messages;

	ImportTemplate(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] persons(Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(this.messages.getMessage("import.template.sheet", null, locale));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row header = sheet.createRow(0);
			Row example = sheet.createRow(1);
			SheetColumn[] columns = SheetColumn.values();
			for (int i = 0; i < columns.length; i++) {
				String key = "import.column." + columns[i].field();
				header.createCell(i).setCellValue(this.messages.getMessage(key, null, locale));
				example.createCell(i).setCellValue(this.messages.getMessage(key + ".example", null, locale));
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, 20 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
