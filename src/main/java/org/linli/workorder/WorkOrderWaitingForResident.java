package org.linli.workorder;

import java.util.UUID;

/** The order waits for the resident (not at home, a decision to make); its SLA clock stands still meanwhile. */
public record WorkOrderWaitingForResident(UUID communityId, UUID orderId, UUID reporterPersonId, String note) {
}
