package org.linli.concierge;

import java.time.Instant;
import java.util.UUID;

/**
 * A parcel was registered at the station for a room; the household is told to come with the pickup code. Published
 * once per parcel (a repeated scan of the same tracking number publishes nothing). {@code householdId} is null when
 * nobody is registered in the room.
 */
public record ParcelArrived(UUID communityId, UUID roomId, UUID householdId, UUID parcelId, String pickupCode,
		String carrier, String trackingNumber, Instant arrivedAt) {
}
