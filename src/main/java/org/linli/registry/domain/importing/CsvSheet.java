package org.linli.registry.domain.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180). The encoding is UTF-8 when the file says so with a byte order mark or decodes as
 * strict UTF-8, otherwise GBK: Excel on Chinese Windows saves CSV in the ANSI code page, and a GBK file with Chinese
 * names in it is practically never valid UTF-8.
 */
final class CsvSheet {

	/** Empty lines kept, so record numbers stay the row numbers Excel shows for the same file. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private static final Charset GBK = Charset.forName("GBK");

	private CsvSheet() {
	}

	static ReadResult read(byte[] content, int maxRows) {
		if (binary(content)) {
			return ReadResult.refused(ImportCodes.FILE_TYPE);
		}
		String text = decode(content);
		if (text == null) {
			return ReadResult.refused(ImportCodes.FILE_CORRUPT);
		}
		RowCollector rows = new RowCollector(maxRows);
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			for (CSVRecord record : parser) {
				if (!rows.row(Math.toIntExact(record.getRecordNumber()), cells(record))) {
					break;
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// an unbalanced quote
			return ReadResult.refused(ImportCodes.FILE_CORRUPT);
		}
		return rows.result();
	}

	/**
	 * Text never holds a NUL byte, while what gets renamed to .csv (a workbook, which is a ZIP or OLE2 file, an image,
	 * UTF-16 text) does.
	 */
	private static boolean binary(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static String decode(byte[] content) {
		boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF;
		if (bom) {
			return strictly(StandardCharsets.UTF_8, content, 3);
		}
		String utf8 = strictly(StandardCharsets.UTF_8, content, 0);
		return (utf8 != null) ? utf8 : strictly(GBK, content, 0);
	}

	private static String strictly(Charset charset, byte[] content, int offset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static Map<Integer, Cell> cells(CSVRecord record) {
		Map<Integer, Cell> cells = new HashMap<>();
		for (int i = 0; i < record.size(); i++) {
			cells.put(i, Cell.of(record.get(i)));
		}
		return cells;
	}

}
