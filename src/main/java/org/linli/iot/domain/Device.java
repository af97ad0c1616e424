package org.linli.iot.domain;

import java.time.Instant;
import java.util.UUID;

import org.linli.iot.DeviceType;

/** A registered device; {@code secretHash} is the BCrypt hash of its MQTT password. */
public record Device(String id, UUID communityId, String communityCode, DeviceType type, String name, String building,
		String unit, UUID assetId, String location, String secretHash, boolean online, Instant lastSeenAt) {

	/** Where it is, in words: building, unit and place. */
	public String where() {
		StringBuilder text = new StringBuilder();
		if (this.building != null) {
			text.append(this.building);
		}
		if (this.unit != null) {
			text.append(text.isEmpty() ? "" : " ").append(this.unit);
		}
		if (this.location != null) {
			text.append(text.isEmpty() ? "" : " ").append(this.location);
		}
		return text.toString();
	}

	/** The only topic this device may publish to. */
	public String eventTopic() {
		return Topics.events(this.communityCode, this.id);
	}

}
