package org.linli.registry.domain.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the person import, each recognised by a Chinese or an English header. Headers are matched trimmed,
 * case-insensitively and with full-width letters folded, because hand-made templates differ in exactly these ways.
 */
public enum SheetColumn {

	BUILDING("building", "楼栋"),

	UNIT("unit", "单元"),

	ROOM("room", "房号"),

	NAME("name", "姓名"),

	ID_NUMBER("idNumber", "身份证号"),

	PHONE("phone", "手机号"),

	RELATION("relation", "与房屋关系");

	private final String field;

	private final String chinese;

	SheetColumn(String field, String chinese) {
		this.field = field;
		this.chinese = chinese;
	}

	/** The name of this column in the API (and the English header), used as {@code field} of errors. */
	public String field() {
		return this.field;
	}

	/** The Chinese header of this column. */
	public String chinese() {
		return this.chinese;
	}

	/** The column a header cell names, if any. */
	public static Optional<SheetColumn> forHeader(String header) {
		if (header == null) {
			return Optional.empty();
		}
		String key = normalise(header);
		for (SheetColumn column : values()) {
			if (key.equals(column.field.toLowerCase(Locale.ROOT)) || key.equals(column.chinese)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	private static String normalise(String header) {
		return Normalizer.normalize(header, Normalizer.Form.NFKC).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
	}

}
