package org.linli.iot.domain;

/**
 * The MQTT topics of docs/devices.md: {@code linli/{communityCode}/devices/{deviceId}/events} (device to platform)
 * and {@code linli/{communityCode}/devices/{deviceId}/commands} (platform to device).
 */
public final class Topics {

	public static final String ALL_EVENTS = "linli/+/devices/+/events";

	private Topics() {
	}

	public static String events(String communityCode, String deviceId) {
		return "linli/" + communityCode + "/devices/" + deviceId + "/events";
	}

	public static String commands(String communityCode, String deviceId) {
		return "linli/" + communityCode + "/devices/" + deviceId + "/commands";
	}

	/** The community code and device id of an events topic, or null when the topic is not one. */
	public static String[] parseEvents(String topic) {
		String[] parts = topic.split("/", -1);
		if (parts.length != 5 || !"linli".equals(parts[0]) || !"devices".equals(parts[2])
				|| !"events".equals(parts[4]) || parts[1].isEmpty() || parts[3].isEmpty()) {
			return null;
		}
		return new String[] { parts[1], parts[3] };
	}

}
