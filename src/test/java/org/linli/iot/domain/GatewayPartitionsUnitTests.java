package org.linli.iot.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.linli.iot.DeviceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the gateway splits devices over sessions and writers (ADR 0013, "Sessions and writers"). */
class GatewayPartitionsUnitTests {

	static final List<String> DOORS = IntStream.range(0, 200).mapToObj(i -> "door-" + i).toList();

	@Test
	void alarmDevicesShareTheAlarmSessionAndDoorsSpreadOverTheOthers() {
		GatewayPartitions partitions = new GatewayPartitions(8, 2);
		for (DeviceType type : GatewayPartitions.ALARM_DEVICES) {
			assertThat(partitions.session("smoke-1", type)).isZero();
			assertThat(partitions.session("door-7", type)).isZero();
		}
		Map<Integer, Integer> perSession = new HashMap<>();
		for (String door : DOORS) {
			perSession.merge(partitions.session(door, DeviceType.DOOR_STATION), 1, Integer::sum);
		}
		// sessions 1..7 carry the doors, none is empty and none carries more than twice its share
		assertThat(perSession.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
		assertThat(perSession.values()).allSatisfy(n -> assertThat(n).isBetween(200 / 7 / 2, 200 / 7 * 2));
		assertThat(partitions.session("gate-1", DeviceType.BARRIER_GATE)).isBetween(1, 7);
		assertThat(partitions.session("meter-1", DeviceType.METER)).isBetween(1, 7);
	}

	@Test
	void aDeviceAlwaysLandsInTheSameSessionAndWriterSoItsEventsStayInOrder() {
		GatewayPartitions one = new GatewayPartitions(8, 3);
		GatewayPartitions again = new GatewayPartitions(8, 3);
		for (String door : DOORS) {
			assertThat(again.session(door, DeviceType.DOOR_STATION))
				.isEqualTo(one.session(door, DeviceType.DOOR_STATION));
			assertThat(again.writer(door)).isEqualTo(one.writer(door)).isBetween(0, 2);
		}
		// every bulk writer gets some of the doors
		assertThat(DOORS.stream().map(one::writer).distinct()).containsExactlyInAnyOrder(0, 1, 2);
	}

	@Test
	void oneSessionTakesEverythingThroughTheWildcard() {
		GatewayPartitions single = new GatewayPartitions(1, 1);
		assertThat(single.perDevice()).isFalse();
		assertThat(single.session("door-1", DeviceType.DOOR_STATION)).isZero();
		assertThat(single.session("smoke-1", DeviceType.SMOKE_DETECTOR)).isZero();
		assertThat(single.writer("door-1")).isZero();
		assertThat(new GatewayPartitions(2, 1).perDevice()).isTrue();
		assertThat(new GatewayPartitions(2, 1).session("door-1", DeviceType.DOOR_STATION)).isEqualTo(1);
		assertThatThrownBy(() -> new GatewayPartitions(0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new GatewayPartitions(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void alarmEventsTakeThePriorityWriterAndPassagesAndHeartbeatsDoNot() {
		assertThat(GatewayPartitions.urgent("SMOKE")).isTrue();
		assertThat(GatewayPartitions.urgent("ELEVATOR_FAULT")).isTrue();
		assertThat(GatewayPartitions.urgent("WATER_LEAK")).isTrue();
		assertThat(GatewayPartitions.urgent("THROWING")).isTrue();
		assertThat(GatewayPartitions.urgent("DOOR_FORCED")).isTrue();
		assertThat(GatewayPartitions.urgent("ACCESS")).isFalse();
		assertThat(GatewayPartitions.urgent("HEARTBEAT")).isFalse();
	}

	@Test
	void coverageAsksForTheMissingDeviceAndForgetsEverythingWhenTheBrokerRestarts() {
		GatewayCoverage coverage = new GatewayCoverage();
		List<String> asked = new java.util.ArrayList<>();
		coverage.onMissing(asked::add);
		assertThat(coverage.covers("door-1")).isFalse();
		assertThat(asked).containsExactly("door-1");
		coverage.covered("door-1", 3);
		assertThat(coverage.covers("door-1")).isTrue();
		assertThat(coverage.session("door-1")).isEqualTo(3);
		coverage.uncovered("door-1");
		assertThat(coverage.covers("door-1")).isFalse();
		coverage.coveredAll();
		assertThat(coverage.covers("any")).isTrue();
		coverage.covered("door-2", 1);
		coverage.reset();
		assertThat(coverage.covers("any")).isFalse();
		assertThat(coverage.session("door-2")).isNull();
	}

}
