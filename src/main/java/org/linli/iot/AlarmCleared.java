package org.linli.iot;

import java.time.Instant;
import java.util.UUID;

/** An alarm ended: the device reported normal again, or staff cleared it. */
public record AlarmCleared(UUID communityId, UUID alarmId, String deviceId, String type, Instant clearedAt) {
}
