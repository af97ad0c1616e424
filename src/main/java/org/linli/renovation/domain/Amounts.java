package org.linli.renovation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.linli.shared.money.Money;

/** Small helpers for messages and ledger payloads: fen as yuan text, exact percentages. */
final class Amounts {

	private Amounts() {
	}

	static String yuan(long fen) {
		return Money.ofFen(fen).toString();
	}

	/** part / whole as a percentage with one decimal, exact until the final rounding. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1,
				RoundingMode.HALF_UP);
	}

}
