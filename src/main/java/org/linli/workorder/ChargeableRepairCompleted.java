package org.linli.workorder;

import java.time.Instant;
import java.util.UUID;

/**
 * A repair with a fee was resolved: billing charges the room {@code feeFen} (integer fen) for it. Published once
 * per resolution; {@code orderId} with {@code resolvedAt} identifies the charge.
 */
public record ChargeableRepairCompleted(UUID communityId, UUID roomId, UUID orderId, long feeFen, String materials,
		Instant resolvedAt) {
}
