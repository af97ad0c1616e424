package org.linli.iot.domain;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimesUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-28T09:15:02.123+08:00", "2026-11-28T09:15:02+08:00", "2026-11-28T09:15:02Z",
			"2026-11-28T09:15:02.1Z", "2026-11-28T09:15:02.123456789-05:30", "2024-02-29T23:59:59.000+00:00",
			"2026-11-28T09:15+08:00", "2026-11-28T09:15:02.123+08:00:00", "+12026-11-28T09:15:02Z",
			"2026-01-01T00:00:00.5+14:00", "2026-12-31T23:59:59.999999999-18:00", "2026-11-28T09:15:02.Z" })
	void readsWhatOffsetDateTimeReadsAndGivesTheSameTime(String text) {
		assertThat(EventTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-29T09:15:02+08:00", "2026-11-31T09:15:02+08:00", "2026-11-28T24:00:00Z",
			"2026-11-28T09:60:02Z", "2026-11-28T09:15:60Z", "2026-13-28T09:15:02Z", "2026-11-28T09:15:02+19:00",
			"2026-11-28T09:15:02", "2026-11-28T09:15:02.1234567891Z", "2026-11-28 09:15:02Z",
			"2026-11-28T09:15:02+0800", "yesterday", "2026-11-28T09:15:02.12a+08:00", "2026-1a-28T09:15:02Z",
			"2026-11-28T09:15:02+08:60" })
	void refusesWhatOffsetDateTimeRefuses(String text) {
		assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
		assertThatThrownBy(() -> EventTimes.parse(text)).isInstanceOf(DateTimeException.class);
	}

}
