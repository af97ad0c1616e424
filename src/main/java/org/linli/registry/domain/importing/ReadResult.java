package org.linli.registry.domain.importing;

import java.util.List;

/**
 * What reading an upload gave: the data rows and the problems found in single cells while reading them, or, when the
 * file as a whole could not be read, only a file-level code.
 *
 * @param rows the non-blank data rows in file order
 * @param errors problems with cells of the header or of the rows, in file order
 * @param fileError a code from {@link ImportCodes} when the file was refused as a whole, otherwise {@code null}
 */
public record ReadResult(List<RawRow> rows, List<ImportError> errors, String fileError) {

	public ReadResult {
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
	}

	static ReadResult refused(String code) {
		return new ReadResult(List.of(), List.of(), code);
	}

	/** Whether the file could be read; its rows may still carry {@link #errors()}. */
	public boolean readable() {
		return this.fileError == null;
	}

}
