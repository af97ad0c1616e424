package org.linli.workorder;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline passed: the order escalates to the supervisor, then to the manager. Published once per deadline and
 * level. {@code deadline} is ACKNOWLEDGE or RESOLVE, {@code escalatedTo} SUPERVISOR or MANAGER.
 */
public record WorkOrderEscalated(UUID communityId, UUID orderId, String deadline, String escalatedTo,
		Instant deadlineAt) {

	public static final String SUPERVISOR = "SUPERVISOR";

	public static final String MANAGER = "MANAGER";

}
