package org.linli.concierge.domain;

import java.time.Duration;
import java.time.Instant;

import org.linli.shared.web.DomainException;

/**
 * A booking's life: requested by or for a household, confirmed by staff, completed by staff; cancelled by the
 * household until the cancellation deadline, or by staff any time before it is completed.
 */
public enum BookingStatus {

	REQUESTED, CONFIRMED, COMPLETED, CANCELLED;

	public BookingStatus confirm() {
		return move(this == REQUESTED, CONFIRMED);
	}

	public BookingStatus complete() {
		return move(this == CONFIRMED, COMPLETED);
	}

	public BookingStatus cancel() {
		return move(this == REQUESTED || this == CONFIRMED, CANCELLED);
	}

	public boolean isOpen() {
		return this == REQUESTED || this == CONFIRMED;
	}

	private BookingStatus move(boolean allowed, BookingStatus next) {
		if (!allowed) {
			throw DomainException.conflict("concierge.booking.transition", this.name(), next.name());
		}
		return next;
	}

	/**
	 * Residents cancel until {@code cancelHours} before the slot starts (the deadline itself included); later only
	 * the station can.
	 */
	public static boolean residentMayCancel(Instant slotStart, Instant now, int cancelHours) {
		return !now.isAfter(slotStart.minus(Duration.ofHours(cancelHours)));
	}

}
