package org.linli.workorder;

import java.util.UUID;

/** The resident confirmed and rated the order, which closes it; a low rating asks staff for a return visit. */
public record WorkOrderRated(UUID communityId, UUID orderId, UUID technicianAccountId, int rating,
		boolean returnVisitNeeded) {
}
