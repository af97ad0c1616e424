package org.linli.iot.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Which devices' events topics a gateway session has subscribed (the broker confirmed it), and in which session. The
 * embedded broker's authoriser accepts a device's publish only when its topic is covered: a message nobody has
 * subscribed to would be acknowledged to the device and then dropped by the broker, so it is refused instead and the
 * device keeps it (ADR 0013). A refusal asks the gateway to subscribe the device.
 */
@Component
class GatewayCoverage {

	private final Map<String, Integer> sessions = new ConcurrentHashMap<>();

	private volatile boolean everything;

	private volatile Consumer<String> missing = id -> {
	};

	/** Whether the device's events reach a gateway session. */
	boolean covers(String deviceId) {
		if (this.everything || this.sessions.containsKey(deviceId)) {
			return true;
		}
		this.missing.accept(deviceId);
		return false;
	}

	/** The session subscribed to the device's topic, or null. */
	Integer session(String deviceId) {
		return this.sessions.get(deviceId);
	}

	void covered(String deviceId, int session) {
		this.sessions.put(deviceId, session);
	}

	void uncovered(String deviceId) {
		this.sessions.remove(deviceId);
	}

	/** One session subscribed to every device's topic (the wildcard). */
	void coveredAll() {
		this.everything = true;
	}

	/** The broker (re)started: its sessions and their subscriptions are gone. */
	void reset() {
		this.sessions.clear();
		this.everything = false;
	}

	/** Who to tell about a device whose publish was refused for want of a subscription. */
	void onMissing(Consumer<String> listener) {
		this.missing = listener;
	}

}
