package org.linli.concierge.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The time slots of a bookable service: back to back from opening time, each {@code minutes} long, the last one
 * ending at or before closing time. Bookings are taken for slots that start later than now and at most
 * {@link #HORIZON_DAYS} days ahead.
 */
public record SlotRules(LocalTime opens, LocalTime closes, int minutes) {

	public static final int HORIZON_DAYS = 14;

	public SlotRules {
		if (minutes <= 0 || !opens.isBefore(closes)) {
			throw new IllegalArgumentException("no slots between " + opens + " and " + closes);
		}
	}

	/** Where a requested start stands against the rules. */
	public enum Check {
		OK, NOT_A_SLOT, PAST, TOO_FAR
	}

	public List<LocalTime> starts() {
		List<LocalTime> starts = new ArrayList<>();
		long day = Duration.between(this.opens, this.closes).toMinutes();
		for (long offset = 0; offset + this.minutes <= day; offset += this.minutes) {
			starts.add(this.opens.plusMinutes(offset));
		}
		return starts;
	}

	public boolean isStart(LocalTime time) {
		return time.getSecond() == 0 && time.getNano() == 0 && starts().contains(time);
	}

	public Check check(ZonedDateTime start, Instant now, ZoneId zone) {
		ZonedDateTime local = start.withZoneSameInstant(zone);
		if (!isStart(local.toLocalTime())) {
			return Check.NOT_A_SLOT;
		}
		if (!local.toInstant().isAfter(now)) {
			return Check.PAST;
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		if (local.toLocalDate().isAfter(today.plusDays(HORIZON_DAYS))) {
			return Check.TOO_FAR;
		}
		return Check.OK;
	}

	public ZonedDateTime end(ZonedDateTime start) {
		return start.plusMinutes(this.minutes);
	}

}
