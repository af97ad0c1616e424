package org.linli.registry.domain.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the person import, each recognised by a Chinese or an English header. Headers are matched trimmed,
 * case-insensitively and with full-width letters folded, because hand-made templates differ in exactly these ways.
 */
public enum SheetColumn {

	BUILDING("building", "楼栋", true),

	UNIT("unit", "单元", true),

	ROOM("room", "房号", true),

	NAME("name", "姓名", true),

	ID_NUMBER("idNumber", "身份证号", true),

	PHONE("phone", "手机号", true),

	RELATION("relation", "与房屋关系", true),

	/** Optional: blank or missing means the resident ID card; other documents name their type here. */
	ID_TYPE("idType", "证件类型", false),

	/** Optional: needed only for documents without a birth date in them (passports, permits). */
	BIRTH_DATE("birthDate", "出生日期", false),

	/** Optional: taken from the ID number when it has one. */
	GENDER("gender", "性别", false);

	private final String field;

	private final String chinese;

	private final boolean required;

	SheetColumn(String field, String chinese, boolean required) {
		this.field = field;
		this.chinese = chinese;
		this.required = required;
	}

	/** Whether a sheet without this column is refused (API.md's seven columns are; the later additions are not). */
	public boolean required() {
		return this.required;
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
