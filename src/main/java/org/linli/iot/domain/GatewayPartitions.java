package org.linli.iot.domain;

import java.util.EnumSet;
import java.util.Set;

import org.linli.iot.DeviceType;

/**
 * How the gateway splits the devices over its MQTT sessions and writer threads (ADR 0013, "Sessions and lanes"). The
 * embedded broker sends a session at most 10 unacknowledged messages, so the gateway opens several sessions, each
 * subscribed to the events topics of its own devices: the window multiplies. A device always lands in the same
 * session and the same writer, so its events stay in order.
 * <ul>
 * <li>Session 0 carries the alarm devices (smoke, water leak, elevators, AI cameras), so a smoke event never queues
 * in the broker behind door traffic; the others are spread over sessions 1..n-1 by a hash of the device id. With one
 * session everything is in session 0 (one wildcard subscription, external brokers).</li>
 * <li>Alarm-type events (anything but ACCESS and HEARTBEAT) go to the priority writer, ahead of the door backlog; the
 * rest go to one of the bulk writers by a hash of the device id.</li>
 * </ul>
 */
record GatewayPartitions(int sessions, int writers) {

	/** Devices whose events raise alarms: they get the alarm session. */
	static final Set<DeviceType> ALARM_DEVICES = EnumSet.of(DeviceType.SMOKE_DETECTOR, DeviceType.WATER_LEAK_SENSOR,
			DeviceType.ELEVATOR_MONITOR, DeviceType.AI_CAMERA);

	GatewayPartitions {
		if (sessions < 1 || writers < 1) {
			throw new IllegalArgumentException("at least one session and one writer");
		}
	}

	/** Whether sessions subscribe to their devices' topics one by one (more than one session). */
	boolean perDevice() {
		return this.sessions > 1;
	}

	/** The session whose subscription carries the device's events. */
	int session(String deviceId, DeviceType type) {
		if (this.sessions == 1 || ALARM_DEVICES.contains(type)) {
			return 0;
		}
		return 1 + spread(deviceId, this.sessions - 1);
	}

	/** The bulk writer of the device's ordinary events (ACCESS, HEARTBEAT); stable across restarts. */
	int writer(String deviceId) {
		return spread(deviceId, this.writers);
	}

	/** Whether the event type goes to the priority writer: the types that may raise or clear an alarm. */
	static boolean urgent(String eventType) {
		return !"ACCESS".equals(eventType) && !"HEARTBEAT".equals(eventType);
	}

	private static int spread(String deviceId, int buckets) {
		// String.hashCode is specified, so the split is the same in every JVM; the multiply mixes similar ids
		return Math.floorMod(deviceId.hashCode() * 0x9E3779B1, buckets);
	}

}
