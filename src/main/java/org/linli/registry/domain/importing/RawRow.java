package org.linli.registry.domain.importing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One data row as read, before any judging: the text of every import column, trimmed only, with an empty string for
 * a blank cell (and for a cell that was refused, whose error is in {@link ReadResult#errors()}).
 *
 * @param rowNumber the spreadsheet row number (the header is row 1), as the person who fixes the file sees it
 * @param cells the text of each column
 */
public record RawRow(int rowNumber, Map<SheetColumn, String> cells) {

	public RawRow {
		EnumMap<SheetColumn, String> all = new EnumMap<>(SheetColumn.class);
		for (SheetColumn column : SheetColumn.values()) {
			String text = cells.get(column);
			all.put(column, (text != null) ? text : "");
		}
		cells = Collections.unmodifiableMap(all);
	}

	/** The text of one column, never null. */
	public String cell(SheetColumn column) {
		return this.cells.get(column);
	}

}
