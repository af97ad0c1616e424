package org.linli.concierge.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pickup codes: six digits with a Luhn check digit that catches every single mistyped digit and swapped pair. */
class PickupCodesUnitTests {

	@Test
	void generatedCodesAreSixDigitsAndWellFormed() {
		SplittableRandom random = new SplittableRandom(42);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = PickupCodes.generate(random);
			assertThat(code).matches("\\d{6}");
			assertThat(PickupCodes.isWellFormed(code)).as(code).isTrue();
			seen.add(code);
		}
		assertThat(seen.size()).isGreaterThan(1900);
	}

	@Test
	void theCheckDigitIsLuhns() {
		// 7992739871 is the textbook Luhn example with check digit 3; the body here is its last five digits
		assertThat(PickupCodes.checkDigit("39871")).isEqualTo(luhn("39871"));
		assertThat(PickupCodes.isWellFormed("000000")).isTrue();
		assertThat(PickupCodes.isWellFormed("123455")).isTrue();
		assertThat(PickupCodes.isWellFormed("123456")).isFalse();
	}

	@Test
	void everySingleWrongDigitIsRefused() {
		String code = PickupCodes.generate(new SplittableRandom(7));
		for (int position = 0; position < 6; position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (digit == code.charAt(position)) {
					continue;
				}
				String typo = code.substring(0, position) + digit + code.substring(position + 1);
				assertThat(PickupCodes.isWellFormed(typo)).as(typo).isFalse();
			}
		}
	}

	@Test
	void swappedNeighboursAreRefusedUnlessTheyAreEqualOrNineAndZero() {
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 500; i++) {
			String code = PickupCodes.generate(random);
			for (int p = 0; p < 5; p++) {
				char a = code.charAt(p);
				char b = code.charAt(p + 1);
				if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
					continue;
				}
				String swapped = code.substring(0, p) + b + a + code.substring(p + 2);
				assertThat(PickupCodes.isWellFormed(swapped)).as(code + " -> " + swapped).isFalse();
			}
		}
	}

	@Test
	void malformedInputIsRefusedAndTypingIsForgiven() {
		assertThat(PickupCodes.isWellFormed(null)).isFalse();
		assertThat(PickupCodes.isWellFormed("12345")).isFalse();
		assertThat(PickupCodes.isWellFormed("1234555")).isFalse();
		assertThat(PickupCodes.isWellFormed("12a455")).isFalse();
		assertThat(PickupCodes.normalise(" １２３ 455 ")).isEqualTo("123455");
		assertThat(PickupCodes.normalise(null)).isEmpty();
	}

	/** Luhn computed independently: the check digit makes the doubled-alternate sum a multiple of ten. */
	private static char luhn(String body) {
		for (char check = '0'; check <= '9'; check++) {
			String full = body + check;
			int sum = 0;
			for (int i = 0; i < full.length(); i++) {
				int d = full.charAt(full.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					d = d * 2 > 9 ? d * 2 - 9 : d * 2;
				}
				sum += d;
			}
			if (sum % 10 == 0) {
				return check;
			}
		}
		throw new AssertionError();
	}

}
