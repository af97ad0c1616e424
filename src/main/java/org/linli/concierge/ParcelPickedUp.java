package org.linli.concierge;

import java.time.Instant;
import java.util.UUID;

/** A waiting parcel was handed over at the station against its pickup code. */
public record ParcelPickedUp(UUID communityId, UUID roomId, UUID householdId, UUID parcelId, Instant pickedUpAt) {
}
