package org.linli.iot.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linli.iot.DeviceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficUnitTests {

	static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 28, 14, 0, 0, 0, ZoneOffset.ofHours(8));

	static final List<Traffic.SimDevice> DEMO = DeviceSimulator.DEMO_DEVICES.entrySet().stream()
		.map(e -> new Traffic.SimDevice(e.getKey(), e.getValue(), "pw"))
		.toList();

	/** Plays {@code seconds} at {@code rate} messages/s and returns every message. */
	static List<Traffic.Message> play(Traffic traffic, int rate, int seconds) {
		List<Traffic.Message> all = new ArrayList<>();
		for (int i = 0; i < rate * seconds; i++) {
			Duration elapsed = Duration.ofMillis(i * 1000L / rate);
			all.addAll(traffic.next(elapsed, NOW.plus(elapsed)));
		}
		return all;
	}

	@Test
	void aDemoDayIsMostlyPassagesAndHeartbeatsWithALeakAndSmokeThatClearThemselves() {
		Traffic traffic = new Traffic(DEMO, Traffic.Mix.DEMO, Duration.ofSeconds(20), "t1", 7);
		List<Traffic.Message> all = play(traffic, 50, 60);

		long access = all.stream().filter(m -> m.type().equals("ACCESS")).count();
		long heartbeats = all.stream().filter(m -> m.type().equals("HEARTBEAT")).count();
		assertThat(access).isBetween(1800L, 2400L);
		assertThat(heartbeats).isBetween(600L, 1200L);
		assertThat(all.stream().filter(m -> m.type().equals("ACCESS")).map(m -> m.device().type()))
			.allMatch(t -> t == DeviceType.DOOR_STATION || t == DeviceType.BARRIER_GATE);
		assertThat(all.stream().filter(m -> m.type().equals("HEARTBEAT")).map(m -> m.device().id()).distinct())
			.hasSize(DEMO.size());
		// incidents at 20 s (leak) and 40 s (smoke); each cleared 10 s later by the same device
		List<Traffic.Message> leaks = all.stream().filter(m -> m.type().equals("WATER_LEAK")).toList();
		List<Traffic.Message> smoke = all.stream().filter(m -> m.type().equals("SMOKE")).toList();
		assertThat(leaks).hasSize(2);
		assertThat(leaks.get(0).json()).contains("\"durationSeconds\":").doesNotContain("CLEARED");
		assertThat(leaks.get(1).json()).contains("\"state\":\"CLEARED\"");
		assertThat(leaks).allMatch(m -> m.device().id().equals("xfl-leak-pump"));
		assertThat(smoke).hasSize(2);
		assertThat(smoke.get(0).device().type()).isEqualTo(DeviceType.SMOKE_DETECTOR);
		assertThat(smoke.get(1).json()).contains("CLEARED");
		assertThat(traffic.incidents()).isEqualTo(2);
		// every event id once, in the documented shape
		Set<String> ids = new HashSet<>();
		assertThat(all).allMatch(m -> ids.add(m.eventId()));
		assertThat(all).allMatch(m -> m.eventId().matches("sim-t1-\\d+")
				&& m.json().startsWith("{\"eventId\":\"" + m.eventId() + "\",\"type\":\"" + m.type() + "\""));
	}

	@Test
	void theAccessMixIsOnlyPassagesSpreadOverTheDoorsWithoutIncidents() {
		Traffic traffic = new Traffic(DEMO, Traffic.Mix.ACCESS, Duration.ofSeconds(1), "t2", 1);
		List<Traffic.Message> all = play(traffic, 100, 10);
		assertThat(all).hasSize(1000).allMatch(m -> m.type().equals("ACCESS"));
		assertThat(all.stream().map(m -> m.device().id()).distinct()).containsExactlyInAnyOrder("xfl-door-north",
				"xfl-gate-north", "xfl-door-b1", "xfl-door-b2");
		assertThat(all).allMatch(m -> m.json().matches(".*\"credential\":\"(CARD|FACE|QR|PIN)\",\"direction\":\"(IN|OUT)\","
				+ "\"result\":\"(GRANTED|DENIED)\"}"));
	}

	@Test
	void incidentsUseWhateverSensorTheCompoundHasAndNeedSomeDevices() {
		List<Traffic.SimDevice> onlySmoke = List.of(new Traffic.SimDevice("s1", DeviceType.SMOKE_DETECTOR, "pw"));
		Traffic traffic = new Traffic(onlySmoke, Traffic.Mix.DEMO, Duration.ofSeconds(2), "t3", 3);
		List<Traffic.Message> all = play(traffic, 10, 5);
		assertThat(all).filteredOn(m -> m.type().equals("SMOKE")).isNotEmpty();
		assertThat(all).noneMatch(m -> m.type().equals("ACCESS") || m.type().equals("WATER_LEAK"));
		assertThatThrownBy(() -> new Traffic(onlySmoke, Traffic.Mix.ACCESS, null, "t4", 1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Traffic(List.of(), Traffic.Mix.DEMO, null, "t5", 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
