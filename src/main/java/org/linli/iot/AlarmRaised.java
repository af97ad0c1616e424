package org.linli.iot;

import java.time.Instant;
import java.util.UUID;

/** A new alarm (not a repeat of an active one): the notification module tells the assignee and the guard room. */
public record AlarmRaised(UUID communityId, UUID alarmId, String deviceId, String deviceName, String location,
		String type, String severity, Instant raisedAt, String assignee, String snapshot) {
}
