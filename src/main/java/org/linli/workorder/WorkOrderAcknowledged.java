package org.linli.workorder;

import java.util.UUID;

/** Staff acknowledged the order (the "15-minute response"). */
public record WorkOrderAcknowledged(UUID communityId, UUID orderId, UUID reporterPersonId, String by) {
}
