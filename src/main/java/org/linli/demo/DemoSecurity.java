package org.linli.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.access.AccessApi;
import org.linli.identity.IdentityApi;
import org.linli.iot.DeviceType;
import org.linli.iot.IotApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Smart security for the demo compound (API.md "Devices (MQTT)"): devices of every type, each logging in with its id
 * and the demo password; staff on duty; a few alarms and access events played through the gateway; a visitor pass
 * for {@code resident}. Only in demo mode and only once (devices present means done).
 */
@Component
@Order(70)
class DemoSecurity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSecurity.class);

	private final DemoMode demoMode;

	private final RegistryApi registry;

	private final IotApi iot;

	private final AccessApi access;

	private final IdentityApi identity;

	private final Clock clock;

	DemoSecurity(DemoMode demoMode, RegistryApi registry, IotApi iot, AccessApi access, IdentityApi identity,
			Clock clock) {
		this.demoMode = demoMode;
		this.registry = registry;
		this.iot = iot;
		this.access = access;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled()) {
			return;
		}
		UUID cid = this.registry.communityIdByCode("xingfuli").orElse(null);
		if (cid == null || !this.iot.devices(cid, null).isEmpty()) {
			return;
		}
		List<RegistryApi.BuildingRef> buildings = this.registry.buildings(cid);
		if (buildings.isEmpty()) {
			return;
		}
		RegistryApi.BuildingRef first = buildings.get(0);
		RegistryApi.BuildingRef second = buildings.get(Math.min(1, buildings.size() - 1));
		String pw = DemoMode.DEMO_PASSWORD;
		this.iot.registerDevice(cid, "xfl-gate-north", DeviceType.BARRIER_GATE, "北门道闸", null, null, "北门", pw);
		this.iot.registerDevice(cid, "xfl-door-north", DeviceType.DOOR_STATION, "北门人行门禁", null, null, "北门", pw);
		for (RegistryApi.BuildingRef building : List.of(first, second)) {
			String n = building == first ? "1" : "2";
			this.iot.registerDevice(cid, "xfl-door-b" + n, DeviceType.DOOR_STATION, building.name() + "单元门禁",
					building.id(), "1单元", "单元门", pw);
			this.iot.registerDevice(cid, "xfl-smoke-b" + n, DeviceType.SMOKE_DETECTOR, building.name() + "烟感",
					building.id(), "1单元", "楼道", pw);
			this.iot.registerDevice(cid, "xfl-elevator-b" + n, DeviceType.ELEVATOR_MONITOR,
					building.name() + "加装电梯监测", building.id(), "1单元", "电梯轿厢", pw);
			this.iot.registerDevice(cid, "xfl-aicam-b" + n, DeviceType.AI_CAMERA, building.name() + "高空抛物摄像机",
					building.id(), null, "楼前", pw);
		}
		this.iot.registerDevice(cid, "xfl-camera-north", DeviceType.CAMERA, "北门监控", null, null, "北门", pw);
		this.iot.registerDevice(cid, "xfl-leak-pump", DeviceType.WATER_LEAK_SENSOR, "水泵房漏水传感器", null, null,
				"地下水泵房", pw);
		this.iot.registerDevice(cid, "xfl-charger-p1", DeviceType.CHARGER, "充电桩P1", null, null, "地面停车场", pw);
		this.iot.registerDevice(cid, "xfl-meter-main", DeviceType.METER, "总水表", null, null, "地下水泵房", pw);
		this.iot.goOnDuty(cid, "staff");

		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), this.clock.getZone());
		for (var device : this.iot.devices(cid, null)) {
			play(device.id(), "hb-demo-1", "HEARTBEAT", now.minusMinutes(1), "");
		}
		play("xfl-aicam-b1", "thr-demo-1", "THROWING", now.minusMinutes(40),
				",\"snapshot\":\"snapshots/xfl-aicam-b1/thr-demo-1.jpg\",\"floorEstimate\":8");
		play("xfl-leak-pump", "leak-demo-1", "WATER_LEAK", now.minusMinutes(25), ",\"durationSeconds\":120");
		play("xfl-smoke-b2", "smoke-demo-1", "SMOKE", now.minusHours(3), ",\"level\":2");
		play("xfl-smoke-b2", "smoke-demo-2", "SMOKE", now.minusHours(3).plusMinutes(4), ",\"state\":\"CLEARED\"");

		UUID resident = this.identity.personIdOf("resident").orElse(null);
		if (resident != null) {
			UUID card = this.access.addCard(cid, resident, "A1B2C3D4");
			this.access.enableQr(cid, resident);
			this.access.enrolFace(cid, resident, "template://door-vendor/xfl/0001", "staff");
			for (int i = 0; i < 6; i++) {
				play(i % 2 == 0 ? "xfl-door-b1" : "xfl-door-north", "acc-demo-" + i, "ACCESS",
						now.minusHours(2L * (6 - i)), ",\"credential\":\"" + (i % 3 == 0 ? "FACE" : "CARD")
								+ "\",\"credentialId\":\"" + card + "\",\"direction\":\"" + (i % 2 == 0 ? "IN" : "OUT")
								+ "\",\"result\":\"GRANTED\"");
			}
			Instant from = this.clock.instant().minus(Duration.ofHours(1));
			this.access.registerVisitor(resident, "王小明", from, from.plus(Duration.ofDays(1)));
		}
		log.info("Demo security: devices of every type for xingfuli (MQTT username = device id, password {})", pw);
	}

	private void play(String deviceId, String eventId, String type, OffsetDateTime at, String extra) {
		this.iot.receive("linli/xingfuli/devices/" + deviceId + "/events", "{\"eventId\":\"" + eventId
				+ "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\"" + extra + "}");
	}

}
