package org.linli.ledger.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one text form of a payload that is hashed: object keys sorted (by UTF-16 code units, as RFC 8785), no
 * whitespace, strings escaped minimally, only integral or plain decimal numbers (money is fen, never a double). The
 * same data always gives the same bytes, so anyone can re-derive a leaf hash from the published payload.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder(256);
		append(out, value);
		return out.toString();
	}

	private static void append(StringBuilder out, Object value) {
		switch (value) {
			case null -> out.append("null");
			case String text -> string(out, text);
			case Boolean bool -> out.append(bool);
			case Long number -> out.append(number);
			case Integer number -> out.append(number);
			case Short number -> out.append(number);
			case BigInteger number -> out.append(number);
			case BigDecimal number -> out.append(number.toPlainString());
			case Enum<?> constant -> string(out, constant.name());
			case Map<?, ?> map -> object(out, map);
			case Collection<?> list -> array(out, list);
			default -> throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getName());
		}
	}

	private static void object(StringBuilder out, Map<?, ?> map) {
		List<String> keys = new ArrayList<>(map.size());
		for (Object key : map.keySet()) {
			if (!(key instanceof String text)) {
				throw new IllegalArgumentException("object keys must be strings: " + key);
			}
			keys.add(text);
		}
		keys.sort(null); // String.compareTo orders by UTF-16 code units
		out.append('{');
		for (int i = 0; i < keys.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(out, keys.get(i));
			out.append(':');
			append(out, map.get(keys.get(i)));
		}
		out.append('}');
	}

	private static void array(StringBuilder out, Collection<?> list) {
		out.append('[');
		boolean first = true;
		for (Object item : list) {
			if (!first) {
				out.append(',');
			}
			first = false;
			append(out, item);
		}
		out.append(']');
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
