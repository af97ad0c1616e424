package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.linli.iot.DeviceType;

/**
 * Plays {@link Traffic} through a broker as the devices themselves: one MQTT connection per device, logged in with its
 * own id and password, QoS 1 on its own events topic, at a steady rate for a duration (or until stopped). Each
 * connection keeps at most {@code window} publishes unacknowledged; when the broker acknowledges more slowly than the
 * rate asks, the simulator waits for it (and reports the rate reached).
 */
public final class DeviceSimulator {

	/** What to play: where, as whom, how fast, for how long. */
	public record Plan(String brokerUrl, String communityCode, List<Traffic.SimDevice> devices, int rate,
			Duration duration, Traffic.Mix mix, Duration incidentEvery, String runId, int window) {

		public Plan {
			if (rate < 1) {
				throw new IllegalArgumentException("rate must be at least 1 message/s");
			}
			window = window <= 0 ? 100 : window;
		}

	}

	/** Counts so far (or at the end). */
	public record Stats(long published, long acknowledged, long failed, int incidents, Duration elapsed,
			boolean running) {

		public double ratePerSecond() {
			return this.elapsed.isZero() ? 0 : this.acknowledged / (this.elapsed.toNanos() / 1e9);
		}

	}

	/** The demo compound's devices (DemoSecurity), all logging in with the demo password. */
	public static final Map<String, DeviceType> DEMO_DEVICES = demoDevices();

	private final Plan plan;

	private final Clock clock;

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private volatile boolean stopped;

	/** From creation until {@link #run()} ends: a simulator is made to be run once. */
	private volatile boolean running = true;

	private volatile long startedNanos;

	private volatile long endedNanos;

	private volatile int incidents;

	public DeviceSimulator(Plan plan, Clock clock) {
		this.plan = plan;
		this.clock = clock;
	}

	/** Connects every device, plays the traffic, waits for the last acknowledgements and disconnects. */
	public Stats run() throws MqttException {
		Map<String, Connection> connections = new HashMap<>();
		try {
			for (Traffic.SimDevice device : this.plan.devices()) {
				connections.put(device.id(), connect(device));
			}
			Traffic traffic = new Traffic(this.plan.devices(), this.plan.mix(), this.plan.incidentEvery(),
					this.plan.runId(), this.plan.runId().hashCode());
			this.startedNanos = System.nanoTime();
			long durationNanos = this.plan.duration().toNanos();
			long sent = 0;
			while (!this.stopped) {
				long elapsed = System.nanoTime() - this.startedNanos;
				if (elapsed >= durationNanos) {
					break;
				}
				long due = (long) (elapsed / 1e9 * this.plan.rate()) + 1;
				while (sent < due && !this.stopped) {
					OffsetDateTime now = OffsetDateTime.now(this.clock);
					for (Traffic.Message message : traffic.next(Duration.ofNanos(elapsed), now)) {
						connections.get(message.device().id()).publish(message);
					}
					sent++;
				}
				this.incidents = traffic.incidents();
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
			// at most 30 s in all for the last acknowledgements, not 30 s per device
			long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			for (Connection connection : connections.values()) {
				connection.drain(Duration.ofNanos(Math.max(0, drainUntil - System.nanoTime())));
			}
			return stats();
		}
		finally {
			this.endedNanos = System.nanoTime();
			for (Connection connection : connections.values()) {
				connection.close();
			}
			this.running = false;
		}
	}

	/** Ends the run early (the run still waits for outstanding acknowledgements). */
	public void stop() {
		this.stopped = true;
	}

	public Stats stats() {
		long start = this.startedNanos;
		long end = this.running ? System.nanoTime() : this.endedNanos;
		Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, end - start));
		return new Stats(this.published.get(), this.acknowledged.get(), this.failed.get(), this.incidents, elapsed,
				this.running);
	}

	public Plan plan() {
		return this.plan;
	}

	private Connection connect(Traffic.SimDevice device) throws MqttException {
		MqttAsyncClient client = new MqttAsyncClient(this.plan.brokerUrl(),
				device.id() + "-sim-" + this.plan.runId(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(device.id());
		options.setPassword(device.password().toCharArray());
		options.setCleanSession(true);
		options.setMaxInflight(this.plan.window());
		options.setConnectionTimeout(5);
		client.connect(options).waitForCompletion(10_000);
		return new Connection(client, Topics.events(this.plan.communityCode(), device.id()),
				new Semaphore(this.plan.window()));
	}

	/** One device's connection; the semaphore is its window of unacknowledged publishes. */
	private final class Connection implements IMqttActionListener {

		private final MqttAsyncClient client;

		private final String topic;

		private final Semaphore window;

		Connection(MqttAsyncClient client, String topic, Semaphore window) {
			this.client = client;
			this.topic = topic;
			this.window = window;
		}

		void publish(Traffic.Message message) throws MqttException {
			try {
				while (!this.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
					if (!this.client.isConnected()) {
						throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				DeviceSimulator.this.stopped = true;
				return;
			}
			try {
				this.client.publish(this.topic, message.json().getBytes(StandardCharsets.UTF_8), 1, false, null, this);
				DeviceSimulator.this.published.incrementAndGet();
			}
			catch (MqttException ex) {
				this.window.release();
				throw ex;
			}
		}

		@Override
		public void onSuccess(IMqttToken token) {
			DeviceSimulator.this.acknowledged.incrementAndGet();
			this.window.release();
		}

		@Override
		public void onFailure(IMqttToken token, Throwable cause) {
			DeviceSimulator.this.failed.incrementAndGet();
			this.window.release();
		}

		/** Waits until every publish of this connection is acknowledged (or failed), at most {@code limit}. */
		void drain(Duration limit) {
			try {
				if (this.window.tryAcquire(DeviceSimulator.this.plan.window(), limit.toMillis(),
						TimeUnit.MILLISECONDS)) {
					this.window.release(DeviceSimulator.this.plan.window());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void close() {
			try {
				if (this.client.isConnected()) {
					this.client.disconnect(1000).waitForCompletion(2000);
				}
			}
			catch (MqttException ex) {
				// the broker went away: nothing left to say to it
			}
			try {
				this.client.close(true);
			}
			catch (MqttException ex) {
				// already closed
			}
		}

	}

	private static Map<String, DeviceType> demoDevices() {
		Map<String, DeviceType> devices = new java.util.LinkedHashMap<>();
		devices.put("xfl-door-north", DeviceType.DOOR_STATION);
		devices.put("xfl-gate-north", DeviceType.BARRIER_GATE);
		devices.put("xfl-door-b1", DeviceType.DOOR_STATION);
		devices.put("xfl-door-b2", DeviceType.DOOR_STATION);
		devices.put("xfl-smoke-b1", DeviceType.SMOKE_DETECTOR);
		devices.put("xfl-smoke-b2", DeviceType.SMOKE_DETECTOR);
		devices.put("xfl-elevator-b1", DeviceType.ELEVATOR_MONITOR);
		devices.put("xfl-elevator-b2", DeviceType.ELEVATOR_MONITOR);
		devices.put("xfl-aicam-b1", DeviceType.AI_CAMERA);
		devices.put("xfl-aicam-b2", DeviceType.AI_CAMERA);
		devices.put("xfl-camera-north", DeviceType.CAMERA);
		devices.put("xfl-leak-pump", DeviceType.WATER_LEAK_SENSOR);
		devices.put("xfl-charger-p1", DeviceType.CHARGER);
		devices.put("xfl-meter-main", DeviceType.METER);
		return java.util.Collections.unmodifiableMap(devices);
	}

}
