package org.linli.iot;

import java.time.Instant;
import java.util.UUID;

/** An alarm nobody acknowledged in time (setting linli.iot.escalate-after): the manager is to be told. */
public record AlarmEscalated(UUID communityId, UUID alarmId, String deviceId, String type, String severity,
		Instant raisedAt, Instant escalatedAt, String assignee) {
}
