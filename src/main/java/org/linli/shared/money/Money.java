package org.linli.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi in fen (分), never a double. Arithmetic that can produce fractions of a fen takes an explicit
 * rounding mode, so every rounding in a bill or a split is a decision someone wrote down.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	/** Parses yuan as written by people ("12", "12.5", "12.50"); more than two decimals is an error, not a rounding. */
	public static Money ofYuan(String yuan) {
		try {
			return ofYuan(new BigDecimal(yuan.strip()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not an amount: " + yuan, ex);
		}
	}

	public static Money ofYuan(BigDecimal yuan) {
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("more than two decimals: " + yuan);
		}
		return new Money(yuan.movePointRight(2).longValueExact());
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(this.fen, other.fen));
	}

	public Money minus(Money other) {
		return new Money(Math.subtractExact(this.fen, other.fen));
	}

	public Money negate() {
		return new Money(Math.negateExact(this.fen));
	}

	public Money times(long factor) {
		return new Money(Math.multiplyExact(this.fen, factor));
	}

	/** This amount times an exact factor (an area, a share, a number of days over a month), rounded as told. */
	public Money times(BigDecimal factor, RoundingMode rounding) {
		return new Money(BigDecimal.valueOf(this.fen).multiply(factor).setScale(0, rounding).longValueExact());
	}

	public boolean isNegative() {
		return this.fen < 0;
	}

	public boolean isZero() {
		return this.fen == 0;
	}

	public boolean isPositive() {
		return this.fen > 0;
	}

	/** Yuan with two decimals, e.g. {@code 1234.50}. */
	public BigDecimal yuan() {
		return BigDecimal.valueOf(this.fen, 2);
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(this.fen, other.fen);
	}

	@Override
	public String toString() {
		return yuan().toPlainString();
	}

}
