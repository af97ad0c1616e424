package org.linli.concierge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.linli.shared.web.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots within opening hours, the booking horizon, the life of a booking and the residents' cancellation deadline. */
class BookingRulesUnitTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void slotsRunBackToBackAndTheLastEndsBeforeClosing() {
		SlotRules rules = new SlotRules(LocalTime.of(8, 0), LocalTime.of(18, 0), 120);
		assertThat(rules.starts()).containsExactly(LocalTime.of(8, 0), LocalTime.of(10, 0), LocalTime.of(12, 0),
				LocalTime.of(14, 0), LocalTime.of(16, 0));
		SlotRules uneven = new SlotRules(LocalTime.of(9, 0), LocalTime.of(11, 0), 45);
		assertThat(uneven.starts()).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 45));
		assertThat(new SlotRules(LocalTime.of(9, 0), LocalTime.of(10, 0), 90).starts()).isEmpty();
		assertThat(rules.isStart(LocalTime.of(10, 0))).isTrue();
		assertThat(rules.isStart(LocalTime.of(10, 30))).isFalse();
		assertThat(rules.isStart(LocalTime.of(18, 0))).isFalse();
		assertThat(rules.isStart(LocalTime.of(10, 0, 1))).isFalse();
	}

	@Test
	void onlyFutureSlotStartsWithinTheHorizonAreBookable() {
		SlotRules rules = new SlotRules(LocalTime.of(8, 0), LocalTime.of(18, 0), 60);
		Instant now = ZonedDateTime.of(2026, 11, 28, 9, 30, 0, 0, SHANGHAI).toInstant();
		LocalDate today = LocalDate.of(2026, 11, 28);
		assertThat(rules.check(at(today, 10, 0), now, SHANGHAI)).isEqualTo(SlotRules.Check.OK);
		assertThat(rules.check(at(today, 9, 0), now, SHANGHAI)).isEqualTo(SlotRules.Check.PAST);
		assertThat(rules.check(at(today, 10, 15), now, SHANGHAI)).isEqualTo(SlotRules.Check.NOT_A_SLOT);
		assertThat(rules.check(at(today, 7, 0), now, SHANGHAI)).isEqualTo(SlotRules.Check.NOT_A_SLOT);
		assertThat(rules.check(at(today.plusDays(SlotRules.HORIZON_DAYS), 17, 0), now, SHANGHAI))
			.isEqualTo(SlotRules.Check.OK);
		assertThat(rules.check(at(today.plusDays(SlotRules.HORIZON_DAYS + 1), 8, 0), now, SHANGHAI))
			.isEqualTo(SlotRules.Check.TOO_FAR);
		// the same instant written in UTC is the same slot
		assertThat(rules.check(at(today, 10, 0).withZoneSameInstant(ZoneId.of("UTC")), now, SHANGHAI))
			.isEqualTo(SlotRules.Check.OK);
	}

	@Test
	void bookingsAreConfirmedThenCompletedAndCancelledOnlyWhileOpen() {
		assertThat(BookingStatus.REQUESTED.confirm()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(BookingStatus.CONFIRMED.complete()).isEqualTo(BookingStatus.COMPLETED);
		assertThat(BookingStatus.REQUESTED.cancel()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(BookingStatus.CONFIRMED.cancel()).isEqualTo(BookingStatus.CANCELLED);
		assertThatThrownBy(BookingStatus.REQUESTED::complete).isInstanceOf(DomainException.class)
			.hasMessage("concierge.booking.transition");
		assertThatThrownBy(BookingStatus.CONFIRMED::confirm).isInstanceOf(DomainException.class);
		assertThatThrownBy(BookingStatus.COMPLETED::cancel).isInstanceOf(DomainException.class);
		assertThatThrownBy(BookingStatus.CANCELLED::cancel).isInstanceOf(DomainException.class);
		assertThatThrownBy(BookingStatus.CANCELLED::confirm).isInstanceOf(DomainException.class);
	}

	@Test
	void residentsCancelUntilTheDeadlineItselfButNotAfter() {
		Instant slot = at(LocalDate.of(2026, 11, 28), 14, 0).toInstant();
		assertThat(BookingStatus.residentMayCancel(slot, slot.minusSeconds(3 * 3600), 2)).isTrue();
		assertThat(BookingStatus.residentMayCancel(slot, slot.minusSeconds(2 * 3600), 2)).isTrue();
		assertThat(BookingStatus.residentMayCancel(slot, slot.minusSeconds(2 * 3600 - 1), 2)).isFalse();
		assertThat(BookingStatus.residentMayCancel(slot, slot, 0)).isTrue();
		assertThat(BookingStatus.residentMayCancel(slot, slot.plusSeconds(1), 0)).isFalse();
	}

	private static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(SHANGHAI);
	}

}
