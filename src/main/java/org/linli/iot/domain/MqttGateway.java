package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The gateway (ADR 0013): MQTT sessions with persistent state (clean session off) subscribed at QoS 1 to the devices'
 * events topics, with manual acknowledgements, and writer threads that store batches. With the embedded broker the
 * devices are split over several sessions ({@link GatewayPartitions}), since the broker keeps at most 10 messages
 * unacknowledged per session; each session judges its messages and hands them to the writer of the device (alarm
 * events to the priority writer). A writer acknowledges a batch to the broker only after its transaction commits, so
 * a message the gateway has not stored is delivered again after a restart, and the inbox's key makes that redelivery
 * a no-op. When the broker cannot be reached (at start or later) the gateway keeps retrying; the application runs on.
 */
@Component
public class MqttGateway implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttGateway.class);

	/** How long acknowledgements wait after reconnecting to a session the embedded broker kept (see Session.hold). */
	static final Duration HOLD_AFTER_RECONNECT = Duration.ofSeconds(8);

	/** Topics per SUBSCRIBE packet when a session subscribes device by device. */
	private static final int SUBSCRIBE_CHUNK = 200;

	/**
	 * A judged message, with the session that must acknowledge it, or, taken in process, the broker's delivery to
	 * give back when it was not stored.
	 */
	private record Inbound(Session session, MqttClient client, int messageId, int qos, String topic, int size,
			EventValidator.Verdict verdict, BrokerInbox.Delivery delivery) {

		/** The same message, refused for the reason (the database could not hold it). */
		Inbound refused(EventValidator.Reason reason) {
			return new Inbound(this.session, this.client, this.messageId, this.qos, this.topic, this.size,
					EventValidator.Verdict.refused(reason), this.delivery);
		}

	}

	private final IotSettings settings;

	private final EmbeddedBroker broker;

	private final BrokerSecurity security;

	private final EventValidator validator;

	private final EventIngestor ingestor;

	private final JdbcClient jdbc;

	private final DeviceDirectory directory;

	private final GatewayCoverage coverage;

	private final BrokerInbox inbox;

	private final Clock clock;

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	/** Alarm events received and not yet written: while there are some, bulk writers wait before their next batch. */
	private final AtomicInteger urgentPending = new AtomicInteger();

	private volatile boolean running;

	/** Messages come from the embedded broker's inbox, in process, rather than through MQTT sessions. */
	private volatile boolean inProcess;

	/** Takes the inbox's messages, judges them and hands them to the writers (in process only). */
	private volatile Thread pump;

	private volatile boolean pumping;

	private volatile GatewayPartitions partitions;

	private volatile List<Session> sessions = List.of();

	/** The bulk writers, then the priority writer (alarm events) last. */
	private volatile List<Writer> writers = List.of();

	private ScheduledExecutorService scheduler;

	MqttGateway(IotSettings settings, EmbeddedBroker broker, BrokerSecurity security, EventValidator validator,
			EventIngestor ingestor, JdbcClient jdbc, DeviceDirectory directory, GatewayCoverage coverage,
			BrokerInbox inbox, Clock clock) {
		this.settings = settings;
		this.broker = broker;
		this.security = security;
		this.validator = validator;
		this.ingestor = ingestor;
		this.jdbc = jdbc;
		this.directory = directory;
		this.coverage = coverage;
		this.inbox = inbox;
		this.clock = clock;
		if (directory != null) {
			directory.onChange(this::deviceChanged);
		}
		if (coverage != null) {
			coverage.onMissing(this::deviceMissing);
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		IotSettings.Gateway gateway = this.settings.gateway();
		this.inProcess = gateway.inProcess(this.settings.broker().embedded());
		this.partitions = new GatewayPartitions(this.inProcess ? 1 : gateway.sessions(this.settings.broker().embedded()),
				gateway.writers(this.inProcess));
		this.urgentPending.set(0);
		List<Writer> lanes = new ArrayList<>();
		for (int i = 0; i <= this.partitions.writers(); i++) {
			boolean alarms = i == this.partitions.writers();
			lanes.add(new Writer(alarms ? "mqtt-gateway-alarms" : "mqtt-gateway-writer-" + i, alarms));
		}
		this.writers = List.copyOf(lanes);
		List<Session> opened = new ArrayList<>();
		for (int i = 0; !this.inProcess && i < this.partitions.sessions(); i++) {
			opened.add(new Session(i));
		}
		this.sessions = List.copyOf(opened);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-gateway-connect")
			.daemon().factory());
		if (this.inProcess) {
			this.pump = Thread.ofPlatform().name("mqtt-gateway-inbox").daemon().start(this::pumpInbox);
			this.inbox.open();
			log.info("MQTT gateway takes the embedded broker's messages in process");
		}
		this.sessions.forEach(session -> this.scheduler.execute(session::connect));
		this.scheduler.scheduleWithFixedDelay(this::sendPendingCommands, 1, 1, TimeUnit.SECONDS);
		if (this.partitions.perDevice()) {
			long every = gateway.resubscribeEvery().toMillis();
			this.scheduler.scheduleWithFixedDelay(this::resubscribe, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/** Stops after writing and acknowledging what was received (a graceful shutdown). */
	@Override
	public void stop() {
		halt(true);
	}

	/**
	 * Stops at once: messages received but not yet written are neither written nor acknowledged, as when the
	 * process dies; the broker keeps them for the persistent sessions and delivers them on the next connect.
	 */
	public void halt() {
		halt(false);
	}

	private synchronized void halt(boolean drain) {
		if (!this.running) {
			return;
		}
		if (drain) {
			if (this.inProcess) {
				this.inbox.close(); // devices keep what they send from now on, to send it again later
			}
			drain();
		}
		this.running = false;
		this.scheduler.shutdownNow();
		Thread taking = this.pump;
		if (taking != null) {
			join(taking);
			this.pump = null;
		}
		this.writers.forEach(Writer::stop);
		this.sessions.forEach(session -> session.close(drain));
		if (this.inProcess) {
			// not stored: back to the inbox, which outlives the gateway as the broker's queues do
			List<BrokerInbox.Delivery> unstored = new ArrayList<>();
			this.writers.forEach(writer -> writer.unstored(unstored));
			this.inbox.giveBack(unstored);
		}
		this.writers.forEach(Writer::clear);
	}

	/**
	 * Waits (at most 5 s) until everything received is stored. In process, the inbox must also have stayed empty for
	 * a moment: a publish the broker acknowledged just before the inbox closed may still be on its way to it.
	 */
	private void drain() {
		long quiet = this.inProcess ? TimeUnit.MILLISECONDS.toNanos(100) : 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		long idleSince = -1;
		while (System.nanoTime() < deadline) {
			boolean idle = this.writers.stream().noneMatch(Writer::busy)
					&& !(this.inProcess && (this.pumping || this.inbox.size() > 0));
			long now = System.nanoTime();
			if (!idle) {
				idleSince = -1;
			}
			else if (idleSince < 0) {
				idleSince = now;
			}
			if (idle && now - idleSince >= quiet) {
				return;
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void join(Thread thread) {
		thread.interrupt();
		try {
			thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return EmbeddedBroker.PHASE + 10;
	}

	/** Whether every session is connected and subscribed (in process: whether the gateway takes messages). */
	public boolean connected() {
		if (this.inProcess) {
			return this.running && this.broker.isRunning();
		}
		List<Session> current = this.sessions;
		return !current.isEmpty() && current.stream().allMatch(Session::connected);
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

	/** After a device's registration (or change, or removal) commits: its session subscribes (or unsubscribes). */
	void deviceChanged(String deviceId) {
		GatewayPartitions current = this.partitions;
		if (!this.running || this.inProcess || current == null || !current.perDevice()) {
			return;
		}
		try {
			Optional<Device> device = this.directory.identity(deviceId);
			if (device.isPresent()) {
				cover(device.get());
			}
			else {
				uncover(deviceId);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Gateway could not follow device {} now ({}); the periodic check will", deviceId,
					ex.getMessage());
		}
	}

	/** A device published before any session subscribed to it (the publish was refused): subscribe soon. */
	private void deviceMissing(String deviceId) {
		ScheduledExecutorService current = this.scheduler;
		if (this.running && current != null) {
			try {
				current.execute(() -> deviceChanged(deviceId));
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	private void cover(Device device) {
		int index = this.partitions.session(device.id(), device.type());
		Integer before = this.coverage.session(device.id());
		if (before != null && before == index) {
			return;
		}
		Session session = this.sessions.get(index);
		if (session.subscribe(List.of(device)) && before != null && before < this.sessions.size()) {
			// subscribed in the new session first, so no message falls between the two (repeats are dropped)
			this.sessions.get(before).unsubscribe(device.id());
		}
	}

	private void uncover(String deviceId) {
		for (Session session : this.sessions) {
			if (session.topicOf(deviceId) != null) {
				session.unsubscribe(deviceId);
			}
		}
	}

	/** Subscribes what the registry has and no session covers, and drops devices no longer registered. */
	void resubscribe() {
		if (!this.running || !connected()) {
			return;
		}
		try {
			List<Device> devices = this.directory.all();
			java.util.Set<String> known = new java.util.HashSet<>();
			for (Device device : devices) {
				known.add(device.id());
				cover(device);
			}
			for (Session session : this.sessions) {
				for (String id : session.deviceIds()) {
					if (!known.contains(id)) {
						uncover(id);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Resubscribing waits: {}", ex.getMessage());
		}
	}

	private void retryLater(Session session) {
		if (this.running) {
			try {
				this.scheduler.schedule(session::connect, this.settings.gateway().reconnectDelay().toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	/** Takes the inbox's messages in the order the broker accepted them and hands them to the writers. */
	private void pumpInbox() {
		int batchSize = this.settings.gateway().batchSize();
		List<BrokerInbox.Delivery> taken = new ArrayList<>(batchSize);
		while (this.running) {
			try {
				if (!this.inbox.take(taken, batchSize, 200, TimeUnit.MILLISECONDS)) {
					continue;
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			this.pumping = true;
			for (BrokerInbox.Delivery delivery : taken) {
				received(null, null, 0, 1, delivery.topic(), delivery.payload(), delivery);
			}
			taken.clear();
			this.pumping = false;
		}
	}

	/**
	 * Judges a message on its session's thread (or the inbox's) and hands it to the writer of its device (or of
	 * alarms).
	 */
	private void received(Session session, MqttClient client, int messageId, int qos, String topic, byte[] payload,
			BrokerInbox.Delivery delivery) {
		EventValidator.Verdict verdict = this.validator.judge(topic, payload, this.clock.instant());
		int lane;
		if (!verdict.accepted()) {
			lane = Math.floorMod(topic.hashCode(), this.partitions.writers());
		}
		else if (GatewayPartitions.urgent(verdict.event().type())) {
			lane = this.partitions.writers();
			this.urgentPending.incrementAndGet();
		}
		else {
			lane = this.partitions.writer(verdict.device().id());
		}
		this.writers.get(lane).queue
			.add(new Inbound(session, client, messageId, qos, topic, payload.length, verdict, delivery));
	}

	/**
	 * Writes a batch, retrying while the database is away; acknowledges only what was written. False when the gateway
	 * stopped before the batch was stored.
	 */
	private boolean writeUntilStored(List<Inbound> batch) throws InterruptedException {
		Instant now = this.clock.instant();
		List<EventValidator.Verdict> verdicts = new ArrayList<>(batch.size());
		for (Inbound message : batch) {
			if (message.verdict().accepted()) {
				verdicts.add(message.verdict());
			}
		}
		while (this.running) {
			try {
				List<EventValidator.Verdict> unreadable = this.ingestor.store(verdicts);
				List<Inbound> refusals = refusals(batch, unreadable);
				recordRefusals(refusals, now);
				this.accepted.addAndGet(batch.size() - refusals.size());
				this.rejected.addAndGet(refusals.size());
				break;
			}
			catch (RuntimeException ex) {
				log.error("Gateway could not store a batch of {} events; retrying", verdicts.size(), ex);
				Thread.sleep(500);
			}
		}
		if (!this.running) {
			return false; // perhaps stored, not acknowledged: delivered or given back again, the inbox drops the repeat
		}
		for (Inbound message : batch) {
			if (message.session() != null) {
				message.session().acknowledge(message);
			}
		}
		return true;
	}

	/** The batch's refused messages: refused by the validator, or unreadable to the database. */
	private static List<Inbound> refusals(List<Inbound> batch, List<EventValidator.Verdict> unreadable) {
		List<Inbound> refusals = new ArrayList<>();
		for (Inbound message : batch) {
			if (!message.verdict().accepted()) {
				refusals.add(message);
			}
			else if (!unreadable.isEmpty() && unreadable.stream().anyMatch(verdict -> verdict == message.verdict())) {
				refusals.add(message.refused(EventValidator.Reason.MALFORMED));
			}
		}
		return refusals;
	}

	private void recordRefusals(List<Inbound> refusals, Instant now) {
		for (Inbound refusal : refusals) {
			String topic = refusal.topic().length() > 300 ? refusal.topic().substring(0, 300) : refusal.topic();
			log.debug("Refused a message on {}: {}", topic, refusal.verdict().reason());
			this.jdbc.sql("""
					insert into iot.rejected_message (topic, reason, size, received_at) values (:t, :r, :s, :at)
					""").param("t", topic).param("r", refusal.verdict().reason().name()).param("s", refusal.size())
				.param("at", Timestamp.from(now)).update();
		}
	}

	static void acknowledge(Inbound message) {
		MqttClient client = message.client();
		if (message.qos() == 0 || client == null || !client.isConnected()) {
			return; // a lost connection: the broker delivers it again and the inbox drops the repeat
		}
		try {
			client.messageArrivedComplete(message.messageId(), message.qos());
		}
		catch (MqttException ex) {
			log.debug("Acknowledgement not sent: {}", ex.getMessage());
		}
	}

	/** Any connected session's client (commands go out through it). */
	private MqttClient anyClient() {
		for (Session session : this.sessions) {
			MqttClient client = session.client;
			if (client != null && client.isConnected()) {
				return client;
			}
		}
		return null;
	}

	/**
	 * One MQTT session of the gateway: its client id is the setting's, with the session's number after it when there
	 * are several; it subscribes to the wildcard (one session) or to its devices' topics one by one.
	 */
	private final class Session {

		private final int index;

		private final String clientId;

		/** Device id to events topic, of the topics this session subscribed. */
		private final Map<String, String> topics = new ConcurrentHashMap<>();

		private volatile MqttClient client;

		/** Acknowledgements held back after reconnecting to a session the broker kept (see {@link #hold}). */
		private final List<Inbound> held = new ArrayList<>();

		private boolean holding;

		Session(int index) {
			this.index = index;
			String base = MqttGateway.this.settings.gateway().clientId();
			this.clientId = MqttGateway.this.partitions.sessions() == 1 ? base : base + "-" + index;
		}

		/** Connected, and subscribed to what it had to subscribe at connect. */
		boolean connected() {
			MqttClient current = this.client;
			return current != null && current.isConnected();
		}

		java.util.Set<String> deviceIds() {
			return java.util.Set.copyOf(this.topics.keySet());
		}

		String topicOf(String deviceId) {
			return this.topics.get(deviceId);
		}

		void connect() {
			if (!MqttGateway.this.running || connected()) {
				return;
			}
			MqttClient next = null;
			try {
				next = new MqttClient(brokerUrl(), this.clientId, new MemoryPersistence());
				next.setManualAcks(true);
				next.setCallback(new Link(this, next));
				boolean present = next.connectWithResult(options()).getSessionPresent();
				next.setTimeToWait(5000); // a subscription after a registration never holds its request for long
				if (MqttGateway.this.partitions.perDevice()) {
					List<Device> mine = MqttGateway.this.directory.all().stream()
						.filter(d -> MqttGateway.this.partitions.session(d.id(), d.type()) == this.index)
						.toList();
					if (!subscribe(next, mine)) {
						throw new IllegalStateException("subscriptions not confirmed");
					}
				}
				else {
					next.subscribe(Topics.ALL_EVENTS, 1);
					if (MqttGateway.this.coverage != null) {
						MqttGateway.this.coverage.coveredAll();
					}
				}
				if (present && MqttGateway.this.settings.broker().embedded()) {
					hold();
				}
				this.client = next;
				log.info("MQTT gateway session {} connected to {}", this.clientId, brokerUrl());
				sendPendingCommands();
			}
			catch (MqttException | RuntimeException ex) {
				this.client = null;
				closeQuietly(next);
				log.warn("MQTT gateway session {} cannot reach {} ({}); retrying in {}", this.clientId, brokerUrl(),
						ex.getMessage(), MqttGateway.this.settings.gateway().reconnectDelay());
				retryLater(this);
			}
		}

		private MqttConnectOptions options() {
			IotSettings settings = MqttGateway.this.settings;
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(false);
			options.setAutomaticReconnect(false);
			options.setKeepAliveInterval(30);
			options.setConnectionTimeout(5);
			options.setMaxInflight(settings.gateway().maxInflight());
			String username = settings.broker().embedded() ? BrokerSecurity.GATEWAY_USERNAME
					: settings.broker().username();
			String password = settings.broker().embedded() ? MqttGateway.this.security.gatewayPassword()
					: settings.broker().password();
			if (StringUtils.hasText(username)) {
				options.setUserName(username);
				options.setPassword(password == null ? new char[0] : password.toCharArray());
			}
			return options;
		}

		/** Subscribes the connected session to the devices' topics; true when the broker confirmed them. */
		boolean subscribe(List<Device> devices) {
			MqttClient current = this.client;
			return current != null && current.isConnected() && subscribe(current, devices);
		}

		private synchronized boolean subscribe(MqttClient with, List<Device> devices) {
			try {
				for (int from = 0; from < devices.size(); from += SUBSCRIBE_CHUNK) {
					List<Device> chunk = devices.subList(from, Math.min(devices.size(), from + SUBSCRIBE_CHUNK));
					String[] filters = chunk.stream().map(Device::eventTopic).toArray(String[]::new);
					int[] qos = new int[filters.length];
					java.util.Arrays.fill(qos, 1);
					with.subscribe(filters, qos);
					for (Device device : chunk) {
						this.topics.put(device.id(), device.eventTopic());
						MqttGateway.this.coverage.covered(device.id(), this.index);
					}
				}
				return true;
			}
			catch (MqttException ex) {
				log.warn("Gateway session {} could not subscribe: {}", this.clientId, ex.getMessage());
				return false;
			}
		}

		synchronized void unsubscribe(String deviceId) {
			String topic = this.topics.get(deviceId);
			MqttClient current = this.client;
			if (topic == null || current == null || !current.isConnected()) {
				return; // the periodic check tries again once connected
			}
			try {
				current.unsubscribe(topic);
				this.topics.remove(deviceId);
				if (Integer.valueOf(this.index).equals(MqttGateway.this.coverage.session(deviceId))) {
					MqttGateway.this.coverage.uncovered(deviceId);
				}
			}
			catch (MqttException ex) {
				log.debug("Gateway session {} could not unsubscribe {}: {}", this.clientId, topic, ex.getMessage());
			}
		}

		/**
		 * Moquette 0.17 numbers deliveries per connection from 1 again while the session keeps the deliveries the
		 * last connection left unacknowledged, and sends those again only after 5 s without writes; a new delivery
		 * with the same number would replace one of them (ADR 0013, amendment). So after reconnecting to a kept
		 * session the gateway stores what arrives but holds its acknowledgements for a while: the broker's window
		 * fills, the connection goes quiet, the old deliveries come again and are then acknowledged first.
		 */
		private synchronized void hold() {
			this.holding = true;
			try {
				MqttGateway.this.scheduler.schedule(this::release, HOLD_AFTER_RECONNECT.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				this.holding = false;
			}
		}

		private void release() {
			List<Inbound> due;
			synchronized (this) {
				this.holding = false;
				due = new ArrayList<>(this.held);
				this.held.clear();
			}
			due.forEach(MqttGateway::acknowledge);
		}

		/** Acknowledges a stored message, or keeps it for later while holding. */
		void acknowledge(Inbound message) {
			synchronized (this) {
				if (this.holding) {
					this.held.add(message);
					return;
				}
			}
			MqttGateway.acknowledge(message);
		}

		void close(boolean graceful) {
			synchronized (this) {
				this.held.clear();
				this.holding = false;
			}
			MqttClient current = this.client;
			this.client = null;
			if (current == null) {
				return;
			}
			try {
				if (graceful) {
					current.disconnect(2000);
				}
				else {
					current.disconnectForcibly(0, 0, false);
				}
			}
			catch (MqttException ex) {
				log.debug("Gateway disconnect: {}", ex.getMessage());
			}
			closeQuietly(current);
		}

		void lost(MqttClient which, Throwable cause) {
			if (this.client != which && this.client != null) {
				return; // an older connection
			}
			log.warn("MQTT gateway session {} lost the broker: {}", this.clientId,
					cause == null ? "" : cause.getMessage());
			this.client = null;
			retryLater(this);
		}

	}

	/** The callbacks of one connection of a session: messages are acknowledged through the client that got them. */
	private final class Link implements MqttCallback {

		private final Session session;

		private final MqttClient client;

		Link(Session session, MqttClient client) {
			this.session = session;
			this.client = client;
		}

		@Override
		public void connectionLost(Throwable cause) {
			this.session.lost(this.client, cause);
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			received(this.session, this.client, message.getId(), message.getQos(), topic, message.getPayload(), null);
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
			// commands: nothing to do, the outbox row was marked sent when published
		}

	}

	private static void closeQuietly(MqttClient client) {
		if (client == null) {
			return;
		}
		try {
			client.close(true);
		}
		catch (MqttException ex) {
			log.debug("Gateway close: {}", ex.getMessage());
		}
	}

	/** A writer thread with its queue: takes up to a batch, stores it in one transaction, then acknowledges it. */
	private final class Writer {

		private final BlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();

		/** A batch the writer took and did not store before it was stopped (in process: given back). */
		private final List<Inbound> unstored = new ArrayList<>();

		private final Thread thread;

		private volatile boolean writing;

		/** The priority writer (alarm events); the others are bulk writers. */
		private final boolean alarms;

		Writer(String name, boolean alarms) {
			this.alarms = alarms;
			this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
		}

		/**
		 * A bulk writer lets a pending alarm batch have the database and the CPU first (at most 100 ms): on a busy
		 * machine the alarm's transaction otherwise competes with the door backlog's.
		 */
		private void yieldToAlarms() throws InterruptedException {
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
			while (!this.alarms && MqttGateway.this.urgentPending.get() > 0 && System.nanoTime() < until) {
				Thread.sleep(1);
			}
		}

		boolean busy() {
			return this.writing || !this.queue.isEmpty();
		}

		private void loop() {
			int batchSize = MqttGateway.this.settings.gateway().batchSize();
			List<Inbound> batch = new ArrayList<>(batchSize);
			while (MqttGateway.this.running) {
				try {
					Inbound first = this.queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					this.writing = true;
					yieldToAlarms();
					batch.add(first);
					this.queue.drainTo(batch, batchSize - 1);
					boolean stored = false;
					try {
						stored = writeUntilStored(batch);
					}
					finally {
						if (this.alarms) {
							MqttGateway.this.urgentPending.addAndGet(-batch.size());
						}
						if (!stored) {
							this.unstored.addAll(batch);
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				finally {
					batch.clear();
					this.writing = false;
				}
			}
		}

		void stop() {
			this.thread.interrupt();
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The deliveries of what this stopped writer took or was given and did not store, in their order. */
		void unstored(List<BrokerInbox.Delivery> into) {
			this.unstored.forEach(message -> into.add(message.delivery()));
			this.queue.forEach(message -> into.add(message.delivery()));
		}

		void clear() {
			this.queue.clear();
			this.unstored.clear();
		}

	}

	/** Publishes queued commands (docs/devices.md) and marks them sent. */
	void sendPendingCommands() {
		MqttClient current = this.inProcess ? null : anyClient();
		if (current == null && !(this.inProcess && this.broker.isRunning())) {
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
				String topic = Topics.commands((String) command[1], (String) command[2]);
				byte[] payload = ((String) command[3]).getBytes(StandardCharsets.UTF_8);
				if (current != null) {
					current.publish(topic, payload, 1, false);
				}
				else if (!this.broker.publish(topic, payload)) {
					return;
				}
				this.jdbc.sql("update iot.device_command set sent_at = :at where id = :id")
					.param("at", Timestamp.from(this.clock.instant())).param("id", command[0]).update();
			}
		}
		catch (MqttException | RuntimeException ex) {
			log.debug("Commands wait for the broker: {}", ex.getMessage());
		}
	}

}
