package org.linli.governance.domain;

/** Enum values arrive as text; an unknown one is null and the caller names the field. */
final class Enums {

	private Enums() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
