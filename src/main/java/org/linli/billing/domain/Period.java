package org.linli.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linli.shared.web.DomainException;

/** A billing period: a month {@code 2026-11}, a quarter {@code 2026-Q4} or a year {@code 2026}. */
public record Period(String text, Cycle cycle, LocalDate start, LocalDate end) {

	/** How often a fee item is billed; a run for a period bills the items of the period's cycle. */
	public enum Cycle {

		MONTH(1), QUARTER(3), YEAR(12);

		private final int months;

		Cycle(int months) {
			this.months = months;
		}

		public int months() {
			return this.months;
		}

	}

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	/** Parses a period or throws a field error on {@code period}. */
	public static Period parse(String text) {
		String value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
		Matcher m = MONTH.matcher(value);
		if (m.matches()) {
			int month = Integer.parseInt(m.group(2));
			if (month >= 1 && month <= 12) {
				return of(YearMonth.of(Integer.parseInt(m.group(1)), month));
			}
		}
		m = QUARTER.matcher(value);
		if (m.matches()) {
			LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
			return new Period(value, Cycle.QUARTER, start, start.plusMonths(3).minusDays(1));
		}
		m = YEAR.matcher(value);
		if (m.matches()) {
			LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
			return new Period(value, Cycle.YEAR, start, start.plusYears(1).minusDays(1));
		}
		throw DomainException.invalid("period", "billing.period.invalid");
	}

	public static Period of(YearMonth month) {
		return new Period(month.toString(), Cycle.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.start, this.end) + 1;
	}

	public int months() {
		return this.cycle.months();
	}

	/** The month this period starts in, moved by {@code n} months (for trends). */
	public YearMonth month() {
		return YearMonth.from(this.start);
	}

}
