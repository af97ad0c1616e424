package org.linli.workorder;

import java.util.UUID;

/** The technician resolved the order; the resident is asked to confirm and rate it. */
public record WorkOrderResolved(UUID communityId, UUID orderId, UUID reporterPersonId, UUID roomId,
		boolean withinTarget) {
}
