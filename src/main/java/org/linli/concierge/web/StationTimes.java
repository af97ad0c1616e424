package org.linli.concierge.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times on the station's pages, in the community's zone ({@code @stationTimes} in templates). */
@Component("stationTimes")
class StationTimes {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final Clock clock;

	StationTimes(Clock clock) {
		this.clock = clock;
	}

	public String dayTime(Instant instant) {
		return instant == null ? "" : DAY_TIME.format(instant.atZone(this.clock.getZone()));
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(this.clock.getZone()));
	}

	public String day(LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}

	/** The ISO-8601 form with offset that booking forms post back. */
	public String iso(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime().toString();
	}

	public boolean isToday(LocalDate day) {
		return LocalDate.now(this.clock).equals(day);
	}

}
