package org.linli.iot.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;

import io.moquette.BrokerConstants;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Moquette broker (ADR 0013): started before the gateway and stopped after it, only when
 * {@code linli.iot.broker.embedded} is true. Anonymous clients are refused, telemetry is off and nothing is kept on
 * disk: the durable copy of an accepted message is the gateway's inbox in PostgreSQL.
 */
@Component
public class EmbeddedBroker implements SmartLifecycle {

	static final int PHASE = 0;

	/** Commands a session thread of the broker may queue (Moquette's default: 1,024). */
	static final int SESSION_QUEUE_SIZE = 65_536;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final IotSettings settings;

	private final BrokerSecurity security;

	private final GatewayCoverage coverage;

	private final BrokerInbox inbox;

	private Server server;

	private int port;

	EmbeddedBroker(IotSettings settings, BrokerSecurity security, GatewayCoverage coverage, BrokerInbox inbox,
			DeviceDirectory directory) {
		this.settings = settings;
		this.security = security;
		this.coverage = coverage;
		this.inbox = inbox;
		directory.onRevoke(this::disconnect);
	}

	/** Cuts the device's open connections: a reset password or a retirement holds at once, not at the next login. */
	void disconnect(String deviceId) {
		Server current;
		synchronized (this) {
			current = this.server;
		}
		for (String clientId : this.security.takeClients(deviceId)) {
			if (current != null && current.disconnectClient(clientId)) {
				log.info("Disconnected device {} (client {}): its credential was revoked", deviceId, clientId);
			}
		}
	}

	@Override
	public synchronized void start() {
		if (!this.settings.broker().embedded() || this.server != null) {
			return;
		}
		this.port = this.port != 0 ? this.port
				: this.settings.broker().port() == 0 ? freePort() : this.settings.broker().port();
		Properties properties = new Properties();
		properties.setProperty(IConfig.HOST_PROPERTY_NAME, this.settings.broker().host());
		properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(this.port));
		properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
		properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
		properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
		properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
		properties.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
		properties.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
		properties.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME,
				Integer.toString(BrokerConstants.IMMEDIATE_BUFFER_FLUSH));
		// each of the broker's session threads queues its commands (a device's publish, its routing to the gateway's
		// sessions) in a bounded queue of 1,024 by default; when full, a publish is neither routed nor acknowledged
		// and the device's window shrinks by one until it reconnects, so room for every device's window is given
		properties.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(SESSION_QUEUE_SIZE));
		properties.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME,
				Integer.toString(this.settings.broker().maxMessageBytes()));
		this.coverage.reset(); // a new broker has no sessions yet
		boolean inProcess = this.settings.gateway().inProcess(true);
		// one interceptor thread hands the messages over in the order the broker accepted them
		properties.setProperty(BrokerConstants.BROKER_INTERCEPTOR_THREAD_POOL_SIZE, "1");
		Server broker = new Server();
		try {
			broker.startServer(new MemoryConfig(properties), inProcess ? List.of(this.inbox) : List.of(), null,
					this.security, this.security);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded MQTT broker could not start on port " + this.port, ex);
		}
		this.server = broker;
		log.info("Embedded MQTT broker listening on {}:{}", this.settings.broker().host(), this.port);
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.inbox.close();
			this.server.stopServer();
			this.server = null;
			this.inbox.clear();
		}
	}

	/**
	 * Publishes from inside the broker at QoS 1 (commands to devices when the gateway has no MQTT session); false when
	 * the broker is not running.
	 */
	synchronized boolean publish(String topic, byte[] payload) {
		if (this.server == null) {
			return false;
		}
		MqttPublishMessage message = MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_LEAST_ONCE)
			.retained(false).messageId(1).payload(Unpooled.wrappedBuffer(payload)).build();
		this.server.internalPublish(message, BrokerSecurity.GATEWAY_USERNAME);
		return true;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** The URL clients use, e.g. tcp://127.0.0.1:1883 (the port chosen at start when the setting is 0). */
	public String url() {
		return "tcp://" + this.settings.broker().host() + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
