package org.linli.concierge;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff confirmed, completed or cancelled a booking, or the household cancelled it; the household (and the station)
 * may be told. {@code status} is REQUESTED, CONFIRMED, COMPLETED or CANCELLED; {@code byResident} says who acted.
 */
public record BookingChanged(UUID communityId, UUID roomId, UUID householdId, UUID bookingId, String serviceName,
		Instant slotStart, String status, boolean byResident) {
}
