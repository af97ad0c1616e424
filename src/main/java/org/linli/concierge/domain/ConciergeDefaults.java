package org.linli.concierge.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * linli.concierge.*: the defaults of the per-community settings — residents cancel a booking until
 * {@code cancelHours} before its slot, a parcel waiting longer than {@code parcelOverdueDays} is overdue, the kitchen
 * cooks at most {@code mealCapacity} elderly meals a day (the plan's 200).
 */
@ConfigurationProperties("linli.concierge")
public record ConciergeDefaults(Integer cancelHours, Integer parcelOverdueDays, Integer mealCapacity) {

	public ConciergeDefaults {
		cancelHours = cancelHours == null ? 2 : cancelHours;
		parcelOverdueDays = parcelOverdueDays == null ? 3 : parcelOverdueDays;
		mealCapacity = mealCapacity == null ? 200 : mealCapacity;
	}

}
