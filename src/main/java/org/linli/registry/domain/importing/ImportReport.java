package org.linli.registry.domain.importing;

import java.util.List;

/** The row-by-row answer of an import (API.md): counts, every error with its spreadsheet row, persons written. */
public record ImportReport(int total, int valid, int invalid, List<Error> errors, int written) {

	/** One problem: the spreadsheet row (header = 1), the field's API name, a code and its translated message. */
	public record Error(int row, String field, String code, String message) {
	}

}
