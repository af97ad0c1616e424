package org.linli.concierge.domain;

import java.util.random.RandomGenerator;

/**
 * Pickup codes (取件码): six digits, five random and a Luhn check digit, so that a mistyped digit or two swapped
 * neighbours are refused at the counter before any parcel is looked up. Unique among a community's waiting parcels
 * (the database enforces it; a collision simply draws again).
 */
public final class PickupCodes {

	public static final int LENGTH = 6;

	private PickupCodes() {
	}

	public static String generate(RandomGenerator random) {
		String body = "%05d".formatted(random.nextInt(100_000));
		return body + checkDigit(body);
	}

	/** Six digits whose last one is the Luhn check digit of the first five. */
	public static boolean isWellFormed(String code) {
		if (code == null || code.length() != LENGTH || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return checkDigit(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
	}

	/** Codes as typed: spaces and full-width digits are forgiven. */
	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder digits = new StringBuilder();
		raw.strip().codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				digits.append((char) ('0' + (c - '０')));
			}
			else if (!Character.isWhitespace(c)) {
				digits.appendCodePoint(c);
			}
		});
		return digits.toString();
	}

	static char checkDigit(String body) {
		int sum = 0;
		boolean doubled = true; // the check digit will sit to the right, so the rightmost body digit is doubled
		for (int i = body.length() - 1; i >= 0; i--) {
			int digit = body.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

}
