package org.linli.shared.person;

/**
 * Cleans a typed or imported text so that values which only differ in how they were keyed in compare equal: Chinese
 * input methods produce full-width letters, digits and the ideographic space, spreadsheets add non-breaking spaces
 * and byte-order marks.
 */
public final class TextNormaliser {

	private static final int FULL_WIDTH_FIRST = 0xFF01;

	private static final int FULL_WIDTH_LAST = 0xFF5E;

	private static final int FULL_WIDTH_OFFSET = 0xFEE0;

	private TextNormaliser() {
	}

	/**
	 * Full-width ASCII variants (U+FF01..U+FF5E) become ASCII, every kind of space (including U+3000 and no-break
	 * spaces) becomes one plain space between words and none at either end, and the zero-width space, word joiner and
	 * byte-order mark are dropped. Null stays null so that an absent value is not mistaken for an empty one.
	 */
	public static String normalise(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder result = new StringBuilder(text.length());
		boolean pendingSpace = false;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isInvisible(codePoint)) {
				continue;
			}
			if (isSpace(codePoint)) {
				pendingSpace = !result.isEmpty();
				continue;
			}
			if (pendingSpace) {
				result.append(' ');
				pendingSpace = false;
			}
			result.appendCodePoint(halfWidth(codePoint));
		}
		return result.toString();
	}

	private static int halfWidth(int codePoint) {
		return (codePoint >= FULL_WIDTH_FIRST && codePoint <= FULL_WIDTH_LAST) ? codePoint - FULL_WIDTH_OFFSET
				: codePoint;
	}

	private static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
	}

	private static boolean isInvisible(int codePoint) {
		return codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
	}

}
