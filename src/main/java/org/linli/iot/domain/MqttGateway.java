package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The gateway (ADR 0013): one Paho client with a persistent session (clean session off) subscribed at QoS 1 to every
 * device's events topic, with manual acknowledgements. Messages are queued, judged and written in batches; a batch
 * is acknowledged to the broker only after its transaction commits, so a message the gateway has not stored is
 * delivered again after a restart, and the inbox's key makes that redelivery a no-op. When the broker cannot be
 * reached (at start or later) the gateway keeps retrying; the application runs on.
 */
@Component
public class MqttGateway implements SmartLifecycle, MqttCallback {

	private static final Logger log = LoggerFactory.getLogger(MqttGateway.class);

	/** A message as received, with the client that must acknowledge it. */
	private record Inbound(String topic, byte[] payload, int messageId, int qos, MqttClient client) {
	}

	private final IotSettings settings;

	private final EmbeddedBroker broker;

	private final BrokerSecurity security;

	private final EventValidator validator;

	private final EventIngestor ingestor;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private volatile boolean running;

	private volatile MqttClient client;

	private ScheduledExecutorService scheduler;

	private Thread writer;

	MqttGateway(IotSettings settings, EmbeddedBroker broker, BrokerSecurity security, EventValidator validator,
			EventIngestor ingestor, JdbcClient jdbc, Clock clock) {
		this.settings = settings;
		this.broker = broker;
		this.security = security;
		this.validator = validator;
		this.ingestor = ingestor;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.queue.clear();
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-gateway-connect")
			.daemon().factory());
		this.writer = Thread.ofPlatform().name("mqtt-gateway-writer").daemon().start(this::writeLoop);
		this.scheduler.execute(this::connect);
		this.scheduler.scheduleWithFixedDelay(this::sendPendingCommands, 1, 1, TimeUnit.SECONDS);
	}

	/** Stops after writing and acknowledging what was received (a graceful shutdown). */
	@Override
	public void stop() {
		halt(true);
	}

	/**
	 * Stops at once: messages received but not yet written are neither written nor acknowledged, as when the
	 * process dies; the broker keeps them for the persistent session and delivers them on the next connect.
	 */
	public void halt() {
		halt(false);
	}

	private synchronized void halt(boolean drain) {
		if (!this.running) {
			return;
		}
		if (drain) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!this.queue.isEmpty() && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
		}
		this.running = false;
		this.scheduler.shutdownNow();
		this.writer.interrupt();
		try {
			this.writer.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		MqttClient current = this.client;
		this.client = null;
		if (current != null) {
			try {
				if (drain) {
					current.disconnect(2000);
				}
				else {
					current.disconnectForcibly(0, 0, false);
				}
			}
			catch (MqttException ex) {
				log.debug("Gateway disconnect: {}", ex.getMessage());
			}
			try {
				current.close(true);
			}
			catch (MqttException ex) {
				log.debug("Gateway close: {}", ex.getMessage());
			}
		}
		this.queue.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return EmbeddedBroker.PHASE + 10;
	}

	public boolean connected() {
		MqttClient current = this.client;
		return current != null && current.isConnected();
	}

	public long acceptedCount() {
		return this.accepted.get();
	}

	public long rejectedCount() {
		return this.rejected.get();
	}

	/** The broker the gateway uses: the embedded one, or the configured external URL. */
	public String brokerUrl() {
		return this.settings.broker().embedded() ? this.broker.url() : this.settings.broker().url();
	}

	private void connect() {
		if (!this.running || connected()) {
			return;
		}
		try {
			MqttClient next = new MqttClient(brokerUrl(), this.settings.gateway().clientId(), new MemoryPersistence());
			next.setManualAcks(true);
			next.setCallback(this);
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(false);
			options.setAutomaticReconnect(false);
			options.setKeepAliveInterval(30);
			options.setConnectionTimeout(5);
			options.setMaxInflight(this.settings.gateway().maxInflight());
			String username = this.settings.broker().embedded() ? BrokerSecurity.GATEWAY_USERNAME
					: this.settings.broker().username();
			String password = this.settings.broker().embedded() ? this.security.gatewayPassword()
					: this.settings.broker().password();
			if (StringUtils.hasText(username)) {
				options.setUserName(username);
				options.setPassword(password == null ? new char[0] : password.toCharArray());
			}
			next.connect(options);
			next.subscribe(Topics.ALL_EVENTS, 1);
			this.client = next;
			log.info("MQTT gateway connected to {}", brokerUrl());
			sendPendingCommands();
		}
		catch (MqttException | RuntimeException ex) {
			log.warn("MQTT gateway cannot reach {} ({}); retrying in {}", brokerUrl(), ex.getMessage(),
					this.settings.gateway().reconnectDelay());
			retryLater();
		}
	}

	private void retryLater() {
		if (this.running) {
			try {
				this.scheduler.schedule(this::connect, this.settings.gateway().reconnectDelay().toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		log.warn("MQTT gateway lost the broker: {}", cause == null ? "" : cause.getMessage());
		this.client = null;
		retryLater();
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		this.queue.add(new Inbound(topic, message.getPayload(), message.getId(), message.getQos(), this.client));
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
		// commands: nothing to do, the outbox row was marked sent when published
	}

	private void writeLoop() {
		int batchSize = this.settings.gateway().batchSize();
		List<Inbound> batch = new ArrayList<>(batchSize);
		while (this.running) {
			try {
				Inbound first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, batchSize - 1);
				writeUntilStored(batch);
				batch.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Writes the batch, retrying while the database is away; acknowledges only what was written. */
	private void writeUntilStored(List<Inbound> batch) throws InterruptedException {
		Instant now = this.clock.instant();
		List<EventValidator.Verdict> verdicts = new ArrayList<>(batch.size());
		List<EventValidator.Verdict> refusals = new ArrayList<>();
		List<String> refusedTopics = new ArrayList<>();
		List<Integer> refusedSizes = new ArrayList<>();
		for (Inbound message : batch) {
			EventValidator.Verdict verdict = this.validator.judge(message.topic(), message.payload(), now);
			if (verdict.accepted()) {
				verdicts.add(verdict);
			}
			else {
				refusals.add(verdict);
				refusedTopics.add(message.topic());
				refusedSizes.add(message.payload().length);
			}
		}
		while (this.running) {
			try {
				this.ingestor.ingest(verdicts);
				recordRefusals(refusals, refusedTopics, refusedSizes, now);
				break;
			}
			catch (RuntimeException ex) {
				log.error("Gateway could not store a batch of {} events; retrying", verdicts.size(), ex);
				Thread.sleep(500);
			}
		}
		if (!this.running) {
			return;
		}
		this.accepted.addAndGet(verdicts.size());
		this.rejected.addAndGet(refusals.size());
		for (Inbound message : batch) {
			acknowledge(message);
		}
	}

	private void recordRefusals(List<EventValidator.Verdict> refusals, List<String> topics, List<Integer> sizes,
			Instant now) {
		for (int i = 0; i < refusals.size(); i++) {
			String topic = topics.get(i).length() > 300 ? topics.get(i).substring(0, 300) : topics.get(i);
			log.debug("Refused a message on {}: {}", topic, refusals.get(i).reason());
			this.jdbc.sql("""
					insert into iot.rejected_message (topic, reason, size, received_at) values (:t, :r, :s, :at)
					""").param("t", topic).param("r", refusals.get(i).reason().name()).param("s", sizes.get(i))
				.param("at", Timestamp.from(now)).update();
		}
	}

	private void acknowledge(Inbound message) {
		if (message.qos() == 0 || message.client() == null || !message.client().isConnected()) {
			return; // a lost connection: the broker delivers it again and the inbox drops the repeat
		}
		try {
			message.client().messageArrivedComplete(message.messageId(), message.qos());
		}
		catch (MqttException ex) {
			log.debug("Acknowledgement not sent: {}", ex.getMessage());
		}
	}

	/** Publishes queued commands (docs/devices.md) and marks them sent. */
	void sendPendingCommands() {
		MqttClient current = this.client;
		if (current == null || !current.isConnected()) {
			return;
		}
		try {
			List<Object[]> pending = this.jdbc.sql("""
					select c.id, d.community_code, c.device_id, c.payload from iot.device_command c
					  join iot.device d on d.id = c.device_id
					 where c.sent_at is null order by c.id limit 500
					""").query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4) }).list();
			for (Object[] command : pending) {
				current.publish(Topics.commands((String) command[1], (String) command[2]),
						((String) command[3]).getBytes(StandardCharsets.UTF_8), 1, false);
				this.jdbc.sql("update iot.device_command set sent_at = :at where id = :id")
					.param("at", Timestamp.from(this.clock.instant())).param("id", command[0]).update();
			}
		}
		catch (MqttException | RuntimeException ex) {
			log.debug("Commands wait for the broker: {}", ex.getMessage());
		}
	}

}
