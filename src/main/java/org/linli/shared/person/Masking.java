package org.linli.shared.person;

/**
 * Masks personal data for screens and printouts whose role may not see the full value (DOMAIN.md §4). Values that do
 * not parse, such as malformed legacy data, are still masked, only less precisely, so that nothing leaks because it
 * was stored wrongly. Null and blank come back empty.
 */
public final class Masking {

	private static final char STAR = '*';

	private Masking() {
	}

	/**
	 * A name with only its ends shown: 张* for two Chinese characters, 张*三 and 欧**华 (欧阳建华) for more; a name
	 * in another script keeps its first letter and three stars (J***), which hide how long it is.
	 */
	public static String name(String name) {
		String text = TextNormaliser.normalise(name);
		if (text == null || text.isEmpty()) {
			return "";
		}
		int first = text.codePointAt(0);
		if (Character.UnicodeScript.of(first) != Character.UnicodeScript.HAN) {
			return Character.toString(first) + "***";
		}
		return ends(text.replace(" ", ""));
	}

	/** {@code 138****8000}, or the ends of whatever is stored when it is not a mobile number. */
	public static String phone(String phone) {
		return MobileNumber.parse(phone).toOptional().map(MobileNumber::masked).orElseGet(() -> generic(phone));
	}

	/** {@code 110105********0123}, or the ends of whatever is stored when it is not a valid ID number. */
	public static String idNumber(String idNumber) {
		return ChineseIdNumber.parse(idNumber)
			.toOptional()
			.map(ChineseIdNumber::masked)
			.orElseGet(() -> generic(idNumber));
	}

	/** {@code 京A***45}, or the ends of whatever is stored when it is not a plate. */
	public static String plate(String plate) {
		return PlateNumber.parse(plate).toOptional().map(PlateNumber::masked).orElseGet(() -> generic(plate));
	}

	private static String generic(String value) {
		String text = TextNormaliser.normalise(value);
		return (text == null || text.isEmpty()) ? "" : ends(text);
	}

	/** First and last character with a star for each one between; one or two characters keep only the first. */
	private static String ends(String text) {
		int length = text.codePointCount(0, text.length());
		int first = text.codePointAt(0);
		if (length <= 2) {
			return (length == 1) ? String.valueOf(STAR) : Character.toString(first) + STAR;
		}
		int last = text.codePointBefore(text.length());
		return Character.toString(first) + String.valueOf(STAR).repeat(length - 2) + Character.toString(last);
	}

}
