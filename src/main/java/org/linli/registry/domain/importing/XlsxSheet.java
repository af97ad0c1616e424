package org.linli.registry.domain.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx workbook with POI's streaming (SAX) reader, so memory grows with the shared
 * strings, not with the sheet. The upload goes to a temporary file (owner-only, deleted at once) because only a ZIP
 * read from a file is inflated entry by entry under {@link ZipSecureFile}'s checks; from a stream POI would inflate
 * every entry into memory first.
 */
final class XlsxSheet {

	/** A deflated entry may grow at most 100-fold: XML compresses well, but a ZIP bomb far better. */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** The largest part to inflate: a 100,000-row sheet of the import's columns takes about a quarter of it. */
	static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	/** An OLE2 compound file: a legacy .xls, or an .xlsx encrypted with a password. */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	static {
		// POI keeps these JVM-wide; only ever tighten what may have been set elsewhere
		ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), MIN_INFLATE_RATIO));
		ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_ENTRY_BYTES));
	}

	private XlsxSheet() {
	}

	static ReadResult read(byte[] content, int maxRows) {
		if (startsWith(content, OLE2)) {
			return ReadResult.refused(ImportCodes.FILE_CORRUPT);
		}
		if (!startsWith(content, ZIP)) {
			return ReadResult.refused(ImportCodes.FILE_TYPE);
		}
		Path file = null;
		try {
			file = Files.createTempFile("linli-import-", ".xlsx");
			Files.write(file, content);
			return read(file, maxRows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

	private static ReadResult read(Path file, int maxRows) {
		RowCollector rows = new RowCollector(maxRows);
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (sheets.hasNext()) {
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
				try (InputStream sheet = sheets.next()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new SheetXmlHandler(strings, rows));
					parser.parse(new InputSource(sheet));
				}
			}
		}
		catch (SheetXmlHandler.Stop ex) {
			// the collector has settled the result
		}
		catch (IOException | SAXException | OpenXML4JException | OpenXML4JRuntimeException | POIXMLException
				| UnsupportedFileFormatException ex) {
			// including ZipSecureFile's refusals, which are IOExceptions
			return ReadResult.refused(ImportCodes.FILE_CORRUPT);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (workbook != null) {
				// revert, not close: close() would try to save a package opened to read
				workbook.revert();
			}
		}
		return rows.result();
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
