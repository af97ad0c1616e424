package org.linli.registry.domain.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of either file format into a {@link ReadResult}: maps the header of row 1 to columns, skips blank
 * rows, checks cell text and stops at the row limit, so that .xlsx and .csv are judged alike. A row is blank when all
 * seven import columns are: what stands only in ignored columns has nothing to import.
 */
final class RowCollector {

	private final int maxRows;

	/** The zero-based index of each column in the file. */
	private final Map<SheetColumn, Integer> columns = new EnumMap<>(SheetColumn.class);

	private final List<RawRow> rows = new ArrayList<>();

	private final List<ImportError> errors = new ArrayList<>();

	private boolean headerRead;

	private boolean headerFailed;

	private String fileError;

	RowCollector(int maxRows) {
		this.maxRows = maxRows;
	}

	/**
	 * Takes the cells of one row by zero-based column index.
	 * @return whether to go on; {@code false} once the result is settled
	 */
	boolean row(int rowNumber, Map<Integer, Cell> cells) {
		if (cells.values().stream().allMatch(Cell::blank)) {
			return true;
		}
		if (!this.headerRead) {
			this.headerRead = true;
			return header(rowNumber, cells);
		}
		return data(rowNumber, cells);
	}

	ReadResult result() {
		if (this.fileError != null) {
			return ReadResult.refused(this.fileError);
		}
		if (this.headerFailed) {
			return new ReadResult(List.of(), this.errors, null);
		}
		if (this.rows.isEmpty()) {
			return ReadResult.refused(ImportCodes.FILE_EMPTY);
		}
		return new ReadResult(this.rows, this.errors, null);
	}

	private boolean header(int rowNumber, Map<Integer, Cell> cells) {
		Set<SheetColumn> duplicates = EnumSet.noneOf(SheetColumn.class);
		if (rowNumber == 1) {
			cells.forEach((index, cell) -> SheetColumn.forHeader(cell.text()).ifPresent((column) -> {
				if (this.columns.putIfAbsent(column, index) != null) {
					duplicates.add(column);
				}
			}));
		}
		for (SheetColumn column : SheetColumn.values()) {
			if (!this.columns.containsKey(column) && column.required()) {
				this.errors.add(ImportError.of(1, column, ImportCodes.HEADER_MISSING));
			}
			else if (duplicates.contains(column)) {
				this.errors.add(ImportError.of(1, column, ImportCodes.HEADER_DUPLICATE));
			}
		}
		this.headerFailed = !this.errors.isEmpty();
		return !this.headerFailed;
	}

	private boolean data(int rowNumber, Map<Integer, Cell> cells) {
		Map<SheetColumn, String> texts = new EnumMap<>(SheetColumn.class);
		List<ImportError> found = new ArrayList<>();
		boolean blank = true;
		for (Map.Entry<SheetColumn, Integer> entry : this.columns.entrySet()) {
			Cell cell = cells.getOrDefault(entry.getValue(), Cell.BLANK);
			String code = (cell.code() != null) ? cell.code() : CellText.check(cell.text());
			String text = ImportCodes.CELL_FORMULA.equals(code) ? "" : cell.text();
			texts.put(entry.getKey(), text);
			if (code != null) {
				found.add(ImportError.of(rowNumber, entry.getKey(), code));
			}
			blank &= text.isEmpty() && code == null;
		}
		if (blank) {
			return true;
		}
		if (this.rows.size() == this.maxRows) {
			this.fileError = ImportCodes.FILE_TOO_MANY_ROWS;
			return false;
		}
		this.rows.add(new RawRow(rowNumber, texts));
		this.errors.addAll(found);
		return true;
	}

}
