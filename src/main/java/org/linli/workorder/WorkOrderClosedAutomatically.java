package org.linli.workorder;

import java.time.Instant;
import java.util.UUID;

/**
 * The resident never confirmed a resolved order within the community's delay, so the system closed it, unrated; the
 * resident may be told (they can still file a new report if the problem is back).
 */
public record WorkOrderClosedAutomatically(UUID communityId, UUID orderId, UUID reporterPersonId, Instant resolvedAt,
		Instant closedAt) {
}
