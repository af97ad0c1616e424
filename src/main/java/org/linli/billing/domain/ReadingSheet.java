package org.linli.billing.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.linli.shared.web.DomainException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads meter readings from the first sheet of an .xlsx (表号 / meter code in column A, 读数 / reading in column B,
 * a header row first) with POI's streaming reader, within limits: 5 MiB file, 20,000 rows, a ZIP entry may inflate
 * at most 100-fold. The file goes through an owner-only temporary file, deleted at once, so POI inflates entry by entry.
 */
final class ReadingSheet {

	record Row(int number, String meterCode, String reading) {
	}

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ROWS = 20_000;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	static {
		ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), 0.01));
		ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), 64L * 1024 * 1024));
	}

	private ReadingSheet() {
	}

	/** The data rows (spreadsheet row numbers, header is row 1); blank rows are skipped. */
	static List<Row> read(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw DomainException.invalid("file", "billing.import.tooLarge");
		}
		if (content.length < 4 || !java.util.Arrays.equals(java.util.Arrays.copyOf(content, 4), ZIP)) {
			throw DomainException.invalid("file", "billing.import.type");
		}
		Path file = null;
		try {
			file = Files.createTempFile("linli-readings-", ".xlsx",
					java.nio.file.attribute.PosixFilePermissions
						.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
			Files.write(file, content);
			return parse(file);
		}
		catch (IOException | UnsupportedOperationException ex) {
			throw DomainException.invalid("file", "billing.import.corrupt");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					file.toFile().deleteOnExit();
				}
			}
		}
	}

	private static List<Row> parse(Path file) {
		List<Row> rows = new ArrayList<>();
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			var strings = new ReadOnlySharedStringsTable(pkg);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return rows;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new Collector(rows), new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw DomainException.invalid("file", "billing.import.corrupt");
		}
		return rows;
	}

	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<Row> rows;

		private String code;

		private String reading;

		Collector(List<Row> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.code = null;
			this.reading = null;
		}

		@Override
		public void endRow(int rowNum) {
			if (rowNum == 0 || (blank(this.code) && blank(this.reading))) {
				return;
			}
			if (this.rows.size() >= MAX_ROWS) {
				throw DomainException.invalid("file", "billing.import.tooManyRows", MAX_ROWS);
			}
			this.rows.add(new Row(rowNum + 1, this.code == null ? "" : this.code.strip(),
					this.reading == null ? "" : this.reading.strip()));
		}

		@Override
		public void cell(String ref, String value, XSSFComment comment) {
			int column = new CellReference(ref).getCol();
			if (column == 0) {
				this.code = value;
			}
			else if (column == 1) {
				this.reading = value;
			}
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}

	}

}
