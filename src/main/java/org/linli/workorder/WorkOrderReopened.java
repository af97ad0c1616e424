package org.linli.workorder;

import java.util.UUID;

/** The resident was not satisfied with the resolution and reopened the order. */
public record WorkOrderReopened(UUID communityId, UUID orderId, UUID technicianAccountId, String reason) {
}
