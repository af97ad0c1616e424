package org.linli.registry.domain.importing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of a worksheet part (SpreadsheetML {@code sheetData}) row by row. Written here rather than using
 * POI's {@code XSSFSheetXMLHandler}, which hands on a formula's cached result or its text without saying that the
 * cell was a formula; this one refuses every cell with an {@code <f>} and never looks at its value. Numbers come back
 * as the exact plain digits stored, never in scientific notation nor with a trailing ".0".
 */
final class SheetXmlHandler extends DefaultHandler {

	/** Excel keeps 15 significant digits: a longer number, such as an 18-digit ID number, has lost its last ones. */
	static final int EXCEL_DIGITS = 15;

	/** Beyond any double's exponent: refused as corrupt before BigDecimal writes out a billion zeros. */
	private static final int MAX_SCALE = 400;

	private final SharedStrings strings;

	private final RowCollector rows;

	private final Map<Integer, Cell> cells = new HashMap<>();

	private final StringBuilder value = new StringBuilder();

	private final StringBuilder inline = new StringBuilder();

	private boolean inSheetData;

	private boolean inCell;

	private boolean inValue;

	private boolean inInlineString;

	private boolean inPhonetic;

	private boolean inText;

	private boolean formula;

	private String type;

	private int rowNumber;

	private int column;

	SheetXmlHandler(SharedStrings strings, RowCollector rows) {
		this.strings = strings;
		this.rows = rows;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		switch (localName) {
			case "sheetData" -> this.inSheetData = true;
			case "row" -> {
				if (this.inSheetData) {
					String r = attributes.getValue("r");
					this.rowNumber = (r != null) ? index(r) : this.rowNumber + 1;
					this.column = -1;
					this.cells.clear();
				}
			}
			case "c" -> {
				if (this.inSheetData) {
					this.inCell = true;
					this.type = attributes.getValue("t");
					String r = attributes.getValue("r");
					this.column = (r != null) ? columnIndex(r) : this.column + 1;
					this.formula = false;
					this.value.setLength(0);
					this.inline.setLength(0);
				}
			}
			case "f" -> this.formula |= this.inCell;
			case "v" -> this.inValue = this.inCell;
			case "is" -> this.inInlineString = this.inCell;
			case "rPh" -> this.inPhonetic = this.inInlineString;
			case "t" -> this.inText = this.inInlineString && !this.inPhonetic;
			default -> {
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.inValue) {
			this.value.append(ch, start, length);
		}
		else if (this.inText) {
			this.inline.append(ch, start, length);
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		switch (localName) {
			case "sheetData" -> this.inSheetData = false;
			case "row" -> {
				if (this.inSheetData && !this.rows.row(this.rowNumber, this.cells)) {
					throw new Stop();
				}
			}
			case "c" -> {
				if (this.inCell) {
					this.cells.put(this.column, cell());
					this.inCell = false;
				}
			}
			case "v" -> this.inValue = false;
			case "is" -> this.inInlineString = false;
			case "rPh" -> this.inPhonetic = false;
			case "t" -> this.inText = false;
			default -> {
			}
		}
	}

	private Cell cell() throws SAXException {
		if (this.formula) {
			return Cell.refused(ImportCodes.CELL_FORMULA);
		}
		String raw = this.value.toString().strip();
		String type = (this.type != null) ? this.type : "n";
		if (raw.isEmpty() && !type.equals("inlineStr")) {
			return Cell.BLANK;
		}
		return switch (type) {
			case "n" -> number(raw, this.rowNumber);
			case "s" -> Cell.of(sharedString(raw));
			// decodes the _xHHHH_ escapes of control characters
			case "inlineStr" -> Cell.of(new XSSFRichTextString(this.inline.toString()).getString());
			case "b" -> Cell.of(raw.equals("1") ? "TRUE" : "FALSE");
			// str (a formula's text result, here without a formula), e (an error such as #N/A), d (an ISO date)
			default -> Cell.of(raw);
		};
	}

	private String sharedString(String raw) throws SAXException {
		try {
			return this.strings.getItemAt(index(raw)).getString();
		}
		catch (IllegalStateException ex) {
			throw new SAXException("No shared string " + raw + " in row " + this.rowNumber, ex);
		}
	}

	/** The exact plain digits of a stored number, flagged when they are more than Excel could have kept. */
	static Cell number(String raw, int rowNumber) throws SAXException {
		BigDecimal number;
		try {
			number = new BigDecimal(raw).stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			throw new SAXException("Not a number in row " + rowNumber, ex);
		}
		if (Math.abs(number.scale()) > MAX_SCALE) {
			throw new SAXException("Number out of range in row " + rowNumber);
		}
		if (number.scale() < 0) {
			number = number.setScale(0);
		}
		return new Cell(number.toPlainString(), (number.precision() > EXCEL_DIGITS) ? ImportCodes.CELL_PRECISION : null);
	}

	private static int index(String text) throws SAXException {
		try {
			int number = Integer.parseInt(text.strip());
			if (number < 0) {
				throw new SAXException("Negative index " + text);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new SAXException("Not an index: " + text, ex);
		}
	}

	/** The zero-based column of a cell reference such as "AB12". */
	private static int columnIndex(String reference) throws SAXException {
		int index = 0;
		int i = 0;
		while (i < reference.length() && i < 3) {
			char letter = Character.toUpperCase(reference.charAt(i));
			if (letter < 'A' || letter > 'Z') {
				break;
			}
			index = index * 26 + (letter - 'A' + 1);
			i++;
		}
		if (i == 0) {
			throw new SAXException("Not a cell reference: " + reference);
		}
		return index - 1;
	}

	/** Ends the parse early once the collector needs no more rows. */
	static final class Stop extends SAXException {

		Stop() {
			super("enough rows");
		}

	}

}
