package org.linli.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Work-order figures of one group (a category, a technician, a month, or all): counts, from which the shares are
 * computed exactly, and average times in minutes (null when there is nothing to average).
 *
 * @param key the category code, technician account id, month (YYYY-MM) or "ALL"
 * @param label what people read for the key (technician name; null otherwise)
 * @param orders orders filed in the period
 * @param acknowledgedWithin15 acknowledged no later than 15 minutes after filing (the "15-minute response")
 * @param acknowledgedWithinTarget acknowledged by the order's own deadline
 * @param resolved orders resolved (or closed)
 * @param resolvedWithinTarget resolved by the order's resolve deadline
 * @param ratings orders rated by the resident
 * @param satisfied ratings of 4 or 5
 * @param ratingSum the sum of the ratings, for the average
 */
public record WorkOrderStats(String key, String label, long orders, long acknowledgedWithin15,
		long acknowledgedWithinTarget, long resolved, long resolvedWithinTarget, Long averageAcknowledgeMinutes,
		Long averageResolveMinutes, long ratings, long satisfied, long ratingSum) {

	/** Share of orders acknowledged within 15 minutes, 0..1 with 4 places; null without orders. */
	@JsonProperty
	public BigDecimal acknowledgedWithin15Share() {
		return share(this.acknowledgedWithin15, this.orders);
	}

	/** Share of resolved orders resolved within their target. */
	@JsonProperty
	public BigDecimal resolvedWithinTargetShare() {
		return share(this.resolvedWithinTarget, this.resolved);
	}

	/** Satisfaction: share of ratings that are 4 or 5. */
	@JsonProperty
	public BigDecimal satisfaction() {
		return share(this.satisfied, this.ratings);
	}

	@JsonProperty
	public BigDecimal averageRating() {
		return this.ratings == 0 ? null
				: BigDecimal.valueOf(this.ratingSum).divide(BigDecimal.valueOf(this.ratings), 2, RoundingMode.HALF_UP);
	}

	static BigDecimal share(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

}
