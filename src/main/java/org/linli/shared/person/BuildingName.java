package org.linli.shared.person;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the many ways a building, unit and room are written (1号楼, 1栋, 1幢, 1#, 一号楼, １号楼) to one canonical
 * form, so that an imported row finds the room the registry already holds. Anything that is not recognised comes
 * back normalised but otherwise as it was, to be matched literally: 1楼 may mean the first floor, and A座 or 综合楼
 * are names, not numbers.
 */
public final class BuildingName {

	private static final String NUMBER = "([0-9]+|[一二两三四五六七八九十]{1,3})";

	private static final Pattern BUILDING = Pattern.compile("(第?)" + NUMBER + "(号楼|号|栋|幢|#楼|#)?");

	private static final Pattern UNIT = Pattern.compile("(第?)" + NUMBER + "(单元)?");

	private static final Pattern ROOM = Pattern.compile("([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)室?");

	private static final String DIGITS = "一二三四五六七八九";

	private BuildingName() {
	}

	/** {@code N号楼} for a numbered building (1栋, 1#楼, 十二幢, 12号, 12), else the normalised name. */
	public static String canonical(String raw) {
		String number = number(BUILDING, raw);
		return (number != null) ? number + "号楼" : TextNormaliser.normalise(raw);
	}

	/** The unit's number (1单元, 一单元, 第1单元, 01 → 1), else the normalised name. */
	public static String canonicalUnit(String raw) {
		String number = number(UNIT, raw);
		return (number != null) ? number : TextNormaliser.normalise(raw);
	}

	/** The room number without 室 and spaces (101室, １０１ → 101, leading zeros kept), else the normalised name. */
	public static String canonicalRoom(String raw) {
		String text = TextNormaliser.normalise(raw);
		if (text == null) {
			return null;
		}
		Matcher room = ROOM.matcher(text.replace(" ", ""));
		return room.matches() ? room.group(1) : text;
	}

	/**
	 * The number a building or unit name stands for, without leading zeros, or null. A bare Chinese numeral or one
	 * after 第 needs its suffix, as 一 alone or 第1 is more likely a typo than a building.
	 */
	private static String number(Pattern pattern, String raw) {
		String text = TextNormaliser.normalise(raw);
		if (text == null) {
			return null;
		}
		Matcher matcher = pattern.matcher(text.replace(" ", ""));
		if (!matcher.matches()) {
			return null;
		}
		boolean ordinal = !matcher.group(1).isEmpty();
		String number = matcher.group(2);
		boolean suffixed = matcher.group(3) != null;
		boolean arabic = number.charAt(0) <= '9';
		if (!suffixed && (ordinal || !arabic)) {
			return null;
		}
		int value = arabic ? arabic(number) : chinese(number);
		return (value > 0) ? Integer.toString(value) : null;
	}

	/** The value of ASCII digits, or 0 when it is zero or too long to be a building. */
	private static int arabic(String digits) {
		String significant = digits.replaceFirst("^0+", "");
		return (significant.isEmpty() || significant.length() > 6) ? 0 : Integer.parseInt(significant);
	}

	/** 一 to 九十九 (两 alone for 2, 一十 for 10), or 0 when it is no such number. */
	private static int chinese(String numeral) {
		if (numeral.equals("两")) {
			return 2;
		}
		int ten = numeral.indexOf('十');
		if (ten < 0) {
			return (numeral.length() == 1) ? Math.max(digit(numeral.charAt(0)), 0) : 0;
		}
		if (numeral.indexOf('十', ten + 1) >= 0) {
			return 0;
		}
		int tens = (ten == 0) ? 1 : (ten == 1) ? digit(numeral.charAt(0)) : 0;
		int units = (ten == numeral.length() - 1) ? 0
				: (ten == numeral.length() - 2) ? digit(numeral.charAt(ten + 1)) : -1;
		return (tens > 0 && units >= 0) ? tens * 10 + units : 0;
	}

	/** 一 to 九 as 1 to 9, else -1. */
	private static int digit(char c) {
		int index = DIGITS.indexOf(c);
		return (index >= 0) ? index + 1 : -1;
	}

}
