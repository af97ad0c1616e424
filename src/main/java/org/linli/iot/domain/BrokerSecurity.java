package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

import org.springframework.stereotype.Component;

/**
 * Who may connect to the embedded broker and what they may do (docs/devices.md): a device logs in with its own id and
 * password and may publish only to its own events topic and read only its own commands topic; the gateway logs in
 * with a password made at start and never stored.
 */
@Component
class BrokerSecurity implements IAuthenticator, IAuthorizatorPolicy {

	static final String GATEWAY_USERNAME = "linli-gateway";

	/** A device reconnects under new client ids; the latest few are enough to find its open connections. */
	private static final int CLIENTS_KEPT = 4;

	private final Map<String, Set<String>> clients = new ConcurrentHashMap<>();

	private final DeviceService devices;

	private final DeviceDirectory directory;

	private final GatewayCoverage coverage;

	private final BrokerInbox inbox;

	/** Whether the gateway takes the messages in process (the inbox) rather than through MQTT sessions. */
	private final boolean inProcess;

	private final String gatewayPassword;

	BrokerSecurity(DeviceService devices, DeviceDirectory directory, GatewayCoverage coverage, BrokerInbox inbox,
			IotSettings settings) {
		this.devices = devices;
		this.directory = directory;
		this.coverage = coverage;
		this.inbox = inbox;
		this.inProcess = settings.gateway().inProcess(settings.broker().embedded());
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		this.gatewayPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	String gatewayPassword() {
		return this.gatewayPassword;
	}

	@Override
	public boolean checkValid(String clientId, String username, byte[] password) {
		if (username == null || password == null) {
			return false;
		}
		if (GATEWAY_USERNAME.equals(username)) {
			return MessageDigest.isEqual(this.gatewayPassword.getBytes(StandardCharsets.UTF_8), password);
		}
		boolean valid = this.devices.authenticates(username, password);
		if (valid && clientId != null) {
			this.clients.compute(username, (device, ids) -> {
				Set<String> kept = ids == null ? new LinkedHashSet<>() : ids;
				kept.remove(clientId);
				kept.add(clientId);
				if (kept.size() > CLIENTS_KEPT) {
					kept.remove(kept.iterator().next());
				}
				return kept;
			});
		}
		return valid;
	}

	/** The client ids the device logged in with lately (to cut them off when its credential is revoked). */
	Set<String> takeClients(String deviceId) {
		Set<String> ids = this.clients.remove(deviceId);
		return ids == null ? Set.of() : Set.copyOf(ids);
	}

	@Override
	public boolean canWrite(Topic topic, String user, String client) {
		if (GATEWAY_USERNAME.equals(user)) {
			return true;
		}
		// its own topic only, and only once the gateway listens (its inbox is open and has room, or a session
		// subscribed the topic): the broker acknowledges a publish with no subscriber and drops it, so refusing
		// keeps the message with the device until the gateway listens
		return user != null && this.directory.identity(user)
			.map(device -> device.eventTopic().equals(topic.toString())
					&& (this.inProcess ? this.inbox.accepts() : this.coverage.covers(device.id())))
			.orElse(false);
	}

	@Override
	public boolean canRead(Topic topic, String user, String client) {
		if (GATEWAY_USERNAME.equals(user)) {
			return true;
		}
		return user != null && this.directory.identity(user)
			.map(device -> Topics.commands(device.communityCode(), device.id()).equals(topic.toString()))
			.orElse(false);
	}

}
