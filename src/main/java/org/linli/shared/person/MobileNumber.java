package org.linli.shared.person;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland Chinese mobile number: 11 digits, a 1 and then 3-9. Kept without country code so that one number has
 * one spelling, whatever way it was typed.
 *
 * @param value the 11 digits
 */
public record MobileNumber(String value) {

	public static final String FORMAT = "phone.format";

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern WITH_COUNTRY_CODE = Pattern.compile("(?:\\+86|0086|86)([0-9]{11})");

	/** Rejects anything but the 11 digits, with the error code as the message. */
	public MobileNumber {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException(FORMAT);
		}
	}

	/**
	 * Parses a typed or imported number: full-width digits, spaces, hyphens and a leading +86, 0086 or 86 country
	 * code are forgiven.
	 */
	public static Validation<MobileNumber> parse(String raw) {
		String text = TextNormaliser.normalise(raw);
		if (text == null) {
			return Validation.invalid(FORMAT);
		}
		text = text.replace(" ", "").replace("-", "");
		Matcher international = WITH_COUNTRY_CODE.matcher(text);
		if (international.matches()) {
			text = international.group(1);
		}
		return MOBILE.matcher(text).matches() ? Validation.valid(new MobileNumber(text)) : Validation.invalid(FORMAT);
	}

	/** The network prefix and the last four digits, as screens show it: {@code 138****8000}. */
	public String masked() {
		return this.value.substring(0, 3) + "****" + this.value.substring(7);
	}

	/** Masked, so that the number never reaches a log by accident; {@link #value()} gives it in full. */
	@Override
	public String toString() {
		return masked();
	}

}
