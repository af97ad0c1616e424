package org.linli.registry.domain.importing;

import java.util.regex.Pattern;

/**
 * Checks on the text of a cell that hold whatever format it came from. Text that a spreadsheet would run as a formula
 * is refused, so that a later export cannot hand it to one (CSV injection); text Excel wrote for a number it displayed
 * in scientific notation is flagged, since the digits are gone.
 */
final class CellText {

	/**
	 * A sign followed by nothing or by a number, optionally in digit groups: "-5", "+8613800138000", "+86 138 0013 8000"
	 * and "-" (for "none") are data, "+1+1" and "-A1" are not.
	 */
	private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\d+(?:[ -]\\d+)*(?:\\.\\d+)?");

	/** How Excel's General format shows a number too long for the cell, as it also saves it to CSV: "1.10105E+17". */
	private static final Pattern EXCEL_SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?E\\+\\d+", Pattern.CASE_INSENSITIVE);

	private CellText() {
	}

	/** The code the text is refused or flagged with, or {@code null} when it is plain data. */
	static String check(String text) {
		if (looksLikeFormula(text)) {
			return ImportCodes.CELL_FORMULA;
		}
		if (EXCEL_SCIENTIFIC.matcher(text).matches()) {
			return ImportCodes.CELL_PRECISION;
		}
		return null;
	}

	/** Whether a spreadsheet would take the (trimmed) text for a formula: "=...", "@..." or a sign not before a number. */
	static boolean looksLikeFormula(String text) {
		if (text.length() < 2) {
			return false;
		}
		return switch (text.charAt(0)) {
			case '=', '@' -> true;
			case '+', '-' -> !SIGNED_NUMBER.matcher(text).matches();
			default -> false;
		};
	}

}
