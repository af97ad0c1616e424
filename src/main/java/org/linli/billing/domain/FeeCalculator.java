package org.linli.billing.domain;

import java.math.BigDecimal;

/**
 * The one rounding rule of bills (ADR 0007), the same as the bill run's SQL: the exact amount
 * {@code price x quantity x months x occupiedDays / periodDays x (100 - reduction%) / 100} is computed in integers and
 * rounded once, half up, to whole fen (四舍五入到分). Nothing is rounded on the way.
 */
public final class FeeCalculator {

	private FeeCalculator() {
	}

	/**
	 * @param priceFen fen per unit per month (per m2 for the property fee; per item for fixed fees)
	 * @param quantity units, at most two decimals (the room's exclusive area, or 1)
	 * @param months months of the billing period (1, 3 or 12)
	 * @param days days of the period the room is billed for (occupied, fee in effect)
	 * @param periodDays days of the whole period
	 * @param reductionPercent 0 to 100 (100 = exempt)
	 */
	public static long amount(long priceFen, BigDecimal quantity, int months, long days, long periodDays,
			int reductionPercent) {
		if (days <= 0 || reductionPercent >= 100) {
			return 0;
		}
		long hundredths = quantity.movePointRight(2).longValueExact();
		java.math.BigInteger numerator = java.math.BigInteger.valueOf(priceFen)
			.multiply(java.math.BigInteger.valueOf(hundredths))
			.multiply(java.math.BigInteger.valueOf((long) months * Math.min(days, periodDays)))
			.multiply(java.math.BigInteger.valueOf(100 - reductionPercent));
		java.math.BigInteger denominator = java.math.BigInteger.valueOf(100L * periodDays * 100L);
		return halfUp(numerator, denominator);
	}

	/** Consumption charge: price per unit times the units used (two decimals), half up to fen. */
	public static long consumption(long priceFen, BigDecimal units) {
		return amount(priceFen, units, 1, 1, 1, 0);
	}

	/** {@code numerator / denominator} rounded half up, for non-negative numbers: floor((2n + d) / 2d). */
	static long halfUp(java.math.BigInteger numerator, java.math.BigInteger denominator) {
		java.math.BigInteger two = java.math.BigInteger.TWO;
		return numerator.multiply(two).add(denominator).divide(denominator.multiply(two)).longValueExact();
	}

	/** Splits {@code total} fen into {@code parts} instalments; the first ones take the remainder fen by fen. */
	public static long[] split(long total, int parts) {
		long[] result = new long[parts];
		long base = total / parts;
		long rest = total % parts;
		for (int i = 0; i < parts; i++) {
			result[i] = base + (i < rest ? 1 : 0);
		}
		return result;
	}

}
