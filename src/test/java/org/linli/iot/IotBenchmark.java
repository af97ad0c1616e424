package org.linli.iot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.linli.iot.domain.DeviceService;
import org.linli.iot.domain.DeviceSimulator;
import org.linli.iot.domain.MqttGateway;
import org.linli.iot.domain.Traffic;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The device benchmark of bench/iot.sh (not part of the build: run it by name with -Dit.test=IotBenchmark). The demo
 * compound's four door devices and {@code linli.bench.doors} more door stations (28, registered for the run) publish
 * {@code linli.bench.rate} ACCESS events/s for {@code linli.bench.seconds} through the embedded broker (QoS 1, each
 * logged in as itself, one connection each, played by {@link LeanDevices}); meanwhile a smoke detector raises and
 * clears smoke again and again, and the time from its publish to the staff's inbox row (notification.notice) is
 * taken. Afterwards the rows are counted: every acknowledged event must be stored once. The rate is the stored events
 * over the time from the first publish to the last stored row. Figures go to stdout and target/iot-benchmark.txt;
 * only completeness is asserted, never time.
 */
@LinliIntegrationTest
class IotBenchmark {

	@Autowired
	MqttGateway gateway;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeviceService devices;

	@Autowired
	Clock clock;


	@Test
	void sustainedAccessIngestionWithSmokeToNoticeLatency() throws Exception {
		int rate = Integer.getInteger("linli.bench.rate", 12_000);
		int seconds = Integer.getInteger("linli.bench.seconds", 30);
		int window = Integer.getInteger("linli.bench.window", 1_000);
		int extraDoors = Integer.getInteger("linli.bench.doors", 28);
		await().atMost(Duration.ofSeconds(30)).until(this.gateway::connected);
		List<Traffic.SimDevice> doors = new ArrayList<>(DeviceSimulator.DEMO_DEVICES.entrySet().stream()
			.filter(e -> e.getValue() == DeviceType.DOOR_STATION || e.getValue() == DeviceType.BARRIER_GATE)
			.map(e -> new Traffic.SimDevice(e.getKey(), e.getValue(), "Demo@2026"))
			.toList());
		// a compound of 14 buildings has more than the demo's four doors: unit door stations, registered like any
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		for (int i = 0; i < extraDoors; i++) {
			String id = "bench-door-" + i;
			if (this.jdbc.sql("select count(*) from iot.device where id = ?").param(id).query(Long.class).single() == 0) {
				this.devices.register(xingfuli, new DeviceService.NewDevice(id, "DOOR_STATION", "单元门口机 " + i, null,
						null, null, null, "Demo@2026"));
			}
			doors.add(new Traffic.SimDevice(id, DeviceType.DOOR_STATION, "Demo@2026"));
		}
		String runId = "b" + UUID.randomUUID().toString().substring(0, 6);
		Traffic traffic = new Traffic(doors, Traffic.Mix.ACCESS, null, runId, runId.hashCode());
		long started = System.nanoTime();
		LeanDevices load = new LeanDevices(this.gateway.brokerUrl(), "xingfuli", doors, window, this.clock);
		long connected = System.nanoTime();

		AtomicBoolean loadRunning = new AtomicBoolean(true);
		List<Long> latencies = new ArrayList<>();
		List<long[]> stages = new ArrayList<>();
		Map<String, Instant> smokeSent = new LinkedHashMap<>();
		Thread smoke = Thread.ofPlatform().name("bench-smoke")
			.start(() -> probeSmoke(loadRunning, latencies, stages, smokeSent));
		LeanDevices.Stats stats;
		try (load) {
			stats = load.run(traffic, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(30));
		}
		finally {
			loadRunning.set(false);
			smoke.join();
		}
		long published = stats.published();
		// counting scans the events table: every 200 ms, so that the count does not slow the writers it measures
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> stored(runId) >= stats.acknowledged());
		double storedSeconds = (System.nanoTime() - stats.startedNanos()) / 1e9;
		double connectSeconds = (connected - started) / 1e9;
		double publishSeconds = (stats.endedNanos() - stats.startedNanos()) / 1e9;
		long events = stored(runId);
		long accessRows = this.jdbc.sql("select count(*) from access.access_event where event_id like ?")
			.param("sim-" + runId + "-%").query(Long.class).single();

		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		List<String> report = new ArrayList<>();
		report.add("load: %d door devices, asked %,d ACCESS events/s for %d s, window %d per connection"
			.formatted(doors.size(), rate, seconds, window));
		report.add(("published %,d, acknowledged by the broker %,d; publish rate reached %,.0f/s (acknowledged, until"
				+ " the last acknowledgement)").formatted(published, stats.acknowledged(),
						stats.acknowledged() / publishSeconds));
		report.add(("stored: %,d device events, %,d access events; all stored %.1f s after the first publish = %,.0f"
				+ " events/s (the devices' connections took %.1f s before)")
			.formatted(events, accessRows, storedSeconds, events / storedSeconds, connectSeconds));
		report.add("lost: %,d".formatted(stats.acknowledged() - events));
		if (sorted.length > 0) {
			report.add("smoke -> staff notice (n=%d): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms".formatted(
					sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]));
		}
		// where the smoke's time went: publish -> a writer took it (device_event.received_at) -> the notification
		// listener began writing the notice (notice.created_at) -> the notice committed (seen by the probe)
		Map<String, Instant> took = new java.util.HashMap<>();
		this.jdbc.sql("select event_id, received_at from iot.device_event where device_id = 'xfl-smoke-b1'"
				+ " and event_id like 'bench-smoke-%'")
			.query((rs, i) -> took.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
		long[] toWriter = smokeSent.entrySet().stream().filter(e -> took.containsKey(e.getKey()))
			.mapToLong(e -> Duration.between(e.getValue(), took.get(e.getKey())).toMillis()).sorted().toArray();
		long[] toListener = stages.stream().mapToLong(s -> s[1]).sorted().toArray();
		long[] listenerToVisible = stages.stream().mapToLong(s -> s[0] - s[1]).sorted().toArray();
		report.add("of which: publish -> a writer took it %s; publish -> the notice's listener began %s; listener"
				.formatted(spread(toWriter), spread(toListener)) + " began -> notice visible " + spread(listenerToVisible));
		report.add("gateway: in process %s, batch size %s, sessions %s, bulk writers %s (+1 for alarms)".formatted(
				System.getProperty("linli.iot.gateway.in-process", "true"),
				System.getProperty("linli.iot.gateway.batch-size", "1000"),
				System.getProperty("linli.iot.gateway.sessions", "default"),
				System.getProperty("linli.iot.gateway.writers", "default")));
		report.forEach(System.out::println);
		Files.write(Path.of("target/iot-benchmark.txt"), report, StandardCharsets.UTF_8);
		assertThat(events).isEqualTo(stats.acknowledged());
		assertThat(accessRows).isEqualTo(events);
		assertThat(sorted).isNotEmpty();
	}

	long stored(String runId) {
		return this.jdbc.sql("select count(*) from iot.device_event where event_id like ?")
			.param("sim-" + runId + "-%").query(Long.class).single();
	}

	/** Smoke, wait for the first staff notice of its alarm, clear, wait until cleared; again while the load runs. */
	private void probeSmoke(AtomicBoolean loadRunning, List<Long> latencies, List<long[]> stages,
			Map<String, Instant> taken) {
		try (MqttDevice detector = MqttDevice.connect(this.gateway.brokerUrl(), "xingfuli", "xfl-smoke-b1",
				"Demo@2026")) {
			Thread.sleep(1000); // let the load reach its rate
			int n = 0;
			while (loadRunning.get()) {
				String id = "bench-smoke-" + UUID.randomUUID().toString().substring(0, 8) + "-" + n++;
				long sent = System.nanoTime();
				detector.publish(MqttDevice.event(id, "SMOKE", "\"level\":2"));
				Instant sentAt = Instant.now();
				boolean noticed = false;
				while (System.nanoTime() - sent < Duration.ofSeconds(30).toNanos()) {
					// when the notice was written (its transaction began), once it is visible (committed)
					java.sql.Timestamp written = this.jdbc.sql("""
							select min(n.created_at) from notification.notice n
							  join iot.alarm a on n.dedup_key = 'alarm:' || a.id || ':raised'
							 where a.device_id = 'xfl-smoke-b1' and a.state = 'ACTIVE'
							""").query(java.sql.Timestamp.class).list().stream().filter(java.util.Objects::nonNull)
						.findFirst().orElse(null);
					if (written != null) {
						noticed = true;
						long total = (System.nanoTime() - sent) / 1_000_000;
						latencies.add(total);
						stages.add(new long[] { total, Duration.between(sentAt, written.toInstant()).toMillis() });
						break;
					}
					Thread.sleep(10); // the probe's own queries stay a small load (10 ms is 1% of the goal)
				}
				if (noticed) {
					taken.put(id, sentAt);
				}
				detector.publish(MqttDevice.event(id + "-c", "SMOKE", "\"state\":\"CLEARED\""));
				while (this.jdbc.sql("select count(*) from iot.alarm where device_id = 'xfl-smoke-b1' and state = 'ACTIVE'")
					.query(Long.class).single() > 0) {
					Thread.sleep(5);
				}
				Thread.sleep(200);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String spread(long[] sorted) {
		return sorted.length == 0 ? "(none)" : "p50 %d / p90 %d / p99 %d ms".formatted(pct(sorted, 50), pct(sorted, 90),
				pct(sorted, 99));
	}

	private static long pct(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

}
