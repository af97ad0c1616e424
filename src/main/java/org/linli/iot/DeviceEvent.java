package org.linli.iot;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One accepted device event, as the gateway hands it to a {@link DeviceEventHandler}: never a duplicate (the same
 * eventId of a device reaches handlers once) and already in the gateway's inbox.
 */
public record DeviceEvent(UUID communityId, String deviceId, DeviceType deviceType, String eventId, String type,
		OffsetDateTime occurredAt, Map<String, Object> payload) {

	public String text(String field) {
		Object value = this.payload.get(field);
		return value == null ? null : value.toString();
	}

}
