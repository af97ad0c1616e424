package org.linli.registry.domain.importing;

/**
 * A problem with one cell of the file.
 *
 * @param row the spreadsheet row number (the header is row 1)
 * @param field the API name of the column, see {@link SheetColumn#field()}
 * @param code the message code, one of {@link ImportCodes}
 */
public record ImportError(int row, String field, String code) {

	static ImportError of(int row, SheetColumn column, String code) {
		return new ImportError(row, column.field(), code);
	}

}
