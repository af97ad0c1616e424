package org.linli.registry.domain.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads an uploaded person list, .xlsx (first sheet) or .csv, into {@link RawRow}s keyed by {@link SheetColumn}.
 * Nothing is judged here beyond what reading itself must refuse: the wrong kind of file, one too large or too long, a
 * damaged or over-compressed workbook, formulas, and numbers Excel has already cut short.
 */
public final class SheetReader {

	private SheetReader() {
	}

	/** Reads with {@link Limits#DEFAULT}. */
	public static ReadResult read(String filename, byte[] content) {
		return read(filename, content, Limits.DEFAULT);
	}

	/**
	 * Reads a whole upload.
	 * @param filename the name it was uploaded with; its extension picks the format, and the content must match it
	 * @param content the bytes of the file
	 * @param limits the size and row limits
	 * @return the rows and cell errors, or a file-level error
	 */
	public static ReadResult read(String filename, byte[] content, Limits limits) {
		Format format = Format.of(filename);
		if (format == null) {
			return ReadResult.refused(ImportCodes.FILE_TYPE);
		}
		if (content.length > limits.maxBytes()) {
			return ReadResult.refused(ImportCodes.FILE_TOO_LARGE);
		}
		if (content.length == 0) {
			return ReadResult.refused(ImportCodes.FILE_EMPTY);
		}
		return switch (format) {
			case XLSX -> XlsxSheet.read(content, limits.maxRows());
			case CSV -> CsvSheet.read(content, limits.maxRows());
		};
	}

	/**
	 * Reads an upload from a stream, taking no more than one byte over the size limit from it, so an oversized upload
	 * is refused without being held in memory. The stream is not closed.
	 */
	public static ReadResult read(String filename, InputStream content, Limits limits) throws IOException {
		if (Format.of(filename) == null) {
			return ReadResult.refused(ImportCodes.FILE_TYPE);
		}
		return read(filename, content.readNBytes(Math.toIntExact(limits.maxBytes() + 1)), limits);
	}

	/**
	 * How much an upload may hold.
	 * @param maxBytes the largest file accepted, in bytes
	 * @param maxRows the most non-blank data rows accepted
	 */
	public record Limits(long maxBytes, int maxRows) {

		/** 10 MiB and 100,000 rows: a large compound's whole register, far from what memory or a request can bear. */
		public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 100_000);

		public Limits {
			if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("maxBytes must be from 1 to below 2 GiB: " + maxBytes);
			}
			if (maxRows < 1) {
				throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
			}
		}

	}

	private enum Format {

		XLSX, CSV;

		static Format of(String filename) {
			String name = (filename != null) ? filename.strip().toLowerCase(Locale.ROOT) : "";
			if (name.endsWith(".xlsx")) {
				return XLSX;
			}
			return name.endsWith(".csv") ? CSV : null;
		}

	}

}
