package org.linli.shared.person;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A civilian vehicle plate of the mainland (GA 36-2018) as a car park sees it: the province abbreviation, the issuing
 * office letter and a serial. Ordinary plates have five serial characters, the last of which may be 学 (learner) or 挂
 * (trailer); new-energy plates have six, with D (battery) or F (other) first on small cars and last on large ones.
 * Police, embassy and other special plates are not residents' cars and are rejected.
 *
 * @param value the plate without separators, letters upper-case
 */
public record PlateNumber(String value) {

	public static final String FORMAT = "plate.format";

	private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

	private static final String LETTER = "[A-HJ-NP-Z]";

	private static final String LETTER_OR_DIGIT = "[A-HJ-NP-Z0-9]";

	private static final String OFFICE = "[" + PROVINCES + "]" + LETTER;

	private static final Pattern ORDINARY = Pattern
		.compile(OFFICE + LETTER_OR_DIGIT + "{4}(?:" + LETTER_OR_DIGIT + "|学|挂)");

	private static final Pattern NEW_ENERGY = Pattern
		.compile(OFFICE + "(?:[DF]" + LETTER_OR_DIGIT + "[0-9]{4}|[0-9]{5}[DF])");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\u00B7\u2022\u30FB\uFF65]");

	/** Rejects anything but a plate in its plain form, with the error code as the message. */
	public PlateNumber {
		if (value == null || !isPlate(value)) {
			throw new IllegalArgumentException(FORMAT);
		}
	}

	/**
	 * Parses a typed or imported plate: full-width characters, lower-case letters and spaces, dots, hyphens or middle
	 * dots between the parts (京A·12345) are forgiven.
	 */
	public static Validation<PlateNumber> parse(String raw) {
		String text = TextNormaliser.normalise(raw);
		if (text == null) {
			return Validation.invalid(FORMAT);
		}
		text = SEPARATORS.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("");
		return isPlate(text) ? Validation.valid(new PlateNumber(text)) : Validation.invalid(FORMAT);
	}

	/** Whether the plate is a green new-energy plate (eight characters). */
	public boolean isNewEnergy() {
		return this.value.length() == 8;
	}

	/** Province, office letter and the last two characters, each hidden one a star: {@code 京A***45}. */
	public String masked() {
		int hidden = this.value.length() - 4;
		return this.value.substring(0, 2) + "*".repeat(hidden) + this.value.substring(this.value.length() - 2);
	}

	/** Masked, so that the plate never reaches a log by accident; {@link #value()} gives it in full. */
	@Override
	public String toString() {
		return masked();
	}

	private static boolean isPlate(String text) {
		return ORDINARY.matcher(text).matches() || NEW_ENERGY.matcher(text).matches();
	}

}
