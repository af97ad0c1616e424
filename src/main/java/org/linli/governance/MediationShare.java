package org.linli.governance;

import java.math.BigDecimal;

/**
 * Disputes resolved within the compound (DOMAIN.md §2 target: at least 95%): cases resolved by building mediation or
 * community consultation, out of all cases finished (resolved or referred to judicial channels) in the period.
 * {@code share} is null when no case finished; {@code onTime} counts finished cases closed by their deadline.
 */
public record MediationShare(long resolvedLocally, long finished, BigDecimal share, long onTime, long openOverdue,
		BigDecimal target) {

	public static final BigDecimal TARGET = new BigDecimal("0.95");

	/** Whether the share reaches the target; false while nothing has finished. */
	public boolean targetMet() {
		return this.share != null && this.share.compareTo(this.target) >= 0;
	}

}
