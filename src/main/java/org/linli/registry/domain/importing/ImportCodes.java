package org.linli.registry.domain.importing;

/** The message codes reading an upload can answer with: file-level ones, then header and cell ones. */
public final class ImportCodes {

	/** Not an .xlsx or .csv file, judged by its name and by its first bytes. */
	public static final String FILE_TYPE = "import.file.type";

	/** Larger than {@link SheetReader.Limits#maxBytes()}. */
	public static final String FILE_TOO_LARGE = "import.file.tooLarge";

	/** More data rows than {@link SheetReader.Limits#maxRows()}. */
	public static final String FILE_TOO_MANY_ROWS = "import.file.tooManyRows";

	/** No bytes, no rows, or a header and nothing under it. */
	public static final String FILE_EMPTY = "import.file.empty";

	/** A damaged, encrypted, legacy (.xls) or over-compressed workbook, or a CSV that is not valid text. */
	public static final String FILE_CORRUPT = "import.file.corrupt";

	/** A column the import needs has no header in row 1. */
	public static final String HEADER_MISSING = "import.header.missing";

	/** Two columns of row 1 name the same import column, so it is unclear which one holds the data. */
	public static final String HEADER_DUPLICATE = "import.header.duplicate";

	/** The cell is a formula, or text that a spreadsheet would run as one. */
	public static final String CELL_FORMULA = "import.cell.formula";

	/** The cell is a number of more than 15 digits, whose last digits Excel has already replaced by zeros. */
	public static final String CELL_PRECISION = "import.cell.precision";

	private ImportCodes() {
	}

}
