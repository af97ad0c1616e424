package org.linli.registry.domain.importing;

/**
 * One cell as a file format gave it: its text, trimmed, and the code it was refused or flagged with by the format
 * itself (a workbook formula, a number that lost digits), or {@code null}.
 */
record Cell(String text, String code) {

	static final Cell BLANK = new Cell("", null);

	Cell {
		text = text.strip();
	}

	static Cell of(String text) {
		return new Cell(text, null);
	}

	/** A cell whose content must not be used at all. */
	static Cell refused(String code) {
		return new Cell("", code);
	}

	boolean blank() {
		return this.text.isEmpty() && this.code == null;
	}

}
