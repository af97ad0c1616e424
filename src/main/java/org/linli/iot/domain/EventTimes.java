package org.linli.iot.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an event's {@code occurredAt}. Devices send one layout, {@code 2026-11-28T09:15:02.123+08:00} (docs/devices.md),
 * and {@link OffsetDateTime#parse} was a quarter of the gateway's judging time at 10,000 messages/s, so that layout
 * is read field by field; anything else (no seconds, other offsets' forms) goes to {@link OffsetDateTime#parse}, with
 * the same result and the same refusals (an impossible date or time throws in both).
 */
final class EventTimes {

	private EventTimes() {
	}

	/** The time, or a {@link java.time.DateTimeException} when it is not an ISO-8601 date-time with an offset. */
	static OffsetDateTime parse(String text) {
		OffsetDateTime fast = common(text);
		return fast != null ? fast : OffsetDateTime.parse(text);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code ±HH:MM}; else null. */
	private static OffsetDateTime common(String s) {
		int n = s.length();
		if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
				|| s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int i = 19;
		int nanos = 0;
		if (s.charAt(i) == '.') {
			int start = ++i;
			while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
				nanos = nanos * 10 + (s.charAt(i++) - '0');
			}
			int length = i - start;
			if (length == 0 || (i < n && isDigit(s.charAt(i)))) {
				return null;
			}
			for (int k = length; k < 9; k++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset;
		if (i == n - 1 && s.charAt(i) == 'Z') {
			offset = ZoneOffset.UTC;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int hours = digits(s, i + 1, 2);
			int minutes = digits(s, i + 4, 2);
			if ((hours | minutes) < 0) {
				return null;
			}
			int sign = s.charAt(i) == '-' ? -1 : 1;
			offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
		}
		else {
			return null;
		}
		return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
	}

	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
