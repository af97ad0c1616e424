package org.linli.workorder;

import java.util.UUID;

/** The order was given to a technician, by staff or by automatic dispatch. */
public record WorkOrderAssigned(UUID communityId, UUID orderId, UUID reporterPersonId, UUID technicianAccountId,
		boolean automatic) {
}
