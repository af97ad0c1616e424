package org.linli.iot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.iot.domain.AlarmService;
import org.linli.iot.domain.DeviceService;
import org.linli.iot.domain.MqttGateway;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Devices over MQTT: authentication, the topic ACL, validation, exactly-once processing, restarts, alarms. */
@LinliIntegrationTest
@RecordApplicationEvents
class IotGatewayIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttGateway gateway;

	@Autowired
	AlarmService alarms;

	@Autowired
	DeviceService devices;

	@Autowired
	org.springframework.context.ConfigurableApplicationContext context;

	/** Alarm events as published by the gateway's writer thread (ApplicationEvents records only the test's own). */
	static final java.util.List<AlarmRaised> RAISED = new java.util.concurrent.CopyOnWriteArrayList<>();

	static volatile boolean listening;

	String admin;

	String cid;

	String code;

	@BeforeEach
	void community() throws Exception {
		if (!listening) {
			this.context.addApplicationListener((org.springframework.context.ApplicationEvent event) -> {
				if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof AlarmRaised raised) {
					RAISED.add(raised);
				}
			});
			listening = true;
		}
		this.admin = Api.token(this.mvc, "admin");
		this.code = "iot" + UUID.randomUUID().toString().substring(0, 8);
		this.cid = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), this.admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", this.code, "name", "测试安防小区", "address", "测试路1号"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

	/** Registers a device through the API; returns {id, password}. */
	String[] device(String type, String buildingId) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "name", type + " 测试", "unit", "1单元",
				"location", "北侧"));
		if (buildingId != null) {
			body.put("buildingId", buildingId);
		}
		var registered = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/devices", this.cid),
				this.admin).contentType(MediaType.APPLICATION_JSON).content(Api.json(body)))
			.andExpect(status().isCreated()).andReturn());
		assertThat(registered.get("topic").asString()).isEqualTo(
				"linli/" + this.code + "/devices/" + registered.get("id").asString() + "/events");
		return new String[] { registered.get("id").asString(), registered.get("password").asString() };
	}

	long stored(String deviceId) {
		return this.jdbc.sql("select count(*) from iot.device_event where device_id = ?").param(deviceId)
			.query(Long.class).single();
	}

	@Test
	void devicesAreListedWithTheirLocationAndOnlyForSecurityStaffOfTheCommunity() throws Exception {
		String building = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/buildings", this.cid),
				this.admin).contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "7号楼"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		String[] smoke = device("SMOKE_DETECTOR", building);
		device("DOOR_STATION", null);
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices?type=SMOKE_DETECTOR", this.cid), this.admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].id").value(smoke[0]))
			.andExpect(jsonPath("$.content[0].type").value("SMOKE_DETECTOR"))
			.andExpect(jsonPath("$.content[0].location").value("7号楼 1单元 北侧"))
			.andExpect(jsonPath("$.content[0].online").value(false))
			.andExpect(jsonPath("$.page.totalElements").value(1));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices", this.cid), this.admin))
			.andExpect(jsonPath("$.page.totalElements").value(2));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices?type=ROCKET", this.cid), this.admin))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
		// the demo manager serves xingfuli only; the resident is no security staff
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices", this.cid), Api.token(this.mvc, "manager")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/devices", this.cid), this.admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("type", "TOASTER", "name", ""))))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select secret_hash from iot.device where id = ?").param(smoke[0])
			.query(String.class).single()).startsWith("$2").doesNotContain(smoke[1]);
	}

	@Test
	void aSmokeEventRaisesOneCriticalAlarmAndRepeatsAndRedeliveriesDoNotMultiplyIt() throws Exception {
		String[] smoke = device("SMOKE_DETECTOR", null);
		this.alarms.goOnDuty(UUID.fromString(this.cid), "staff");
		try (MqttDevice detector = MqttDevice.connect(this.gateway.brokerUrl(), this.code, smoke[0], smoke[1])) {
			String first = MqttDevice.event("e-1", "SMOKE", "\"level\":3");
			detector.publish(first);
			detector.publish(first); // the same eventId delivered twice
			detector.publish(MqttDevice.event("e-2", "SMOKE", "\"level\":4"));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(smoke[0]) == 2);
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> this.mvc
			.perform(bearer(get("/api/v1/communities/{cid}/alarms?state=ACTIVE", this.cid), this.admin))
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].deviceId").value(smoke[0]))
			.andExpect(jsonPath("$.content[0].type").value("SMOKE"))
			.andExpect(jsonPath("$.content[0].severity").value("CRITICAL"))
			.andExpect(jsonPath("$.content[0].state").value("ACTIVE"))
			.andExpect(jsonPath("$.content[0].acknowledged").value(false))
			.andExpect(jsonPath("$.content[0].count").value(2))
			.andExpect(jsonPath("$.content[0].assignee").value("staff")));
		assertThat(RAISED.stream().filter(e -> e.deviceId().equals(smoke[0]))).singleElement()
			.satisfies(raised -> {
				assertThat(raised.severity()).isEqualTo("CRITICAL");
				assertThat(raised.assignee()).isEqualTo("staff");
			});
		String raisedAt = Api.body(this.mvc.perform(bearer(get("/api/v1/communities/{cid}/alarms", this.cid),
				this.admin)).andReturn()).get("content").get(0).get("raisedAt").asString();
		assertThat(raisedAt).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
		assertThat(this.jdbc.sql("select count(*) from iot.device where id = ? and online").param(smoke[0])
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAlarmIsAcknowledgedHandledClearedAndEscalatedWhenNobodyAcknowledges(ApplicationEvents events)
			throws Exception {
		String[] camera = device("AI_CAMERA", null);
		String[] leak = device("WATER_LEAK_SENSOR", null);
		try (MqttDevice ai = MqttDevice.connect(this.gateway.brokerUrl(), this.code, camera[0], camera[1]);
				MqttDevice sensor = MqttDevice.connect(this.gateway.brokerUrl(), this.code, leak[0], leak[1])) {
			ai.publish(MqttDevice.event("t-1", "THROWING", "\"snapshot\":\"snap/2026/t-1.jpg\",\"floorEstimate\":9"));
			// a leak shorter than the rule's 30 seconds is no alarm yet; a longer one is
			sensor.publish(MqttDevice.event("w-1", "WATER_LEAK", "\"durationSeconds\":5"));
			sensor.publish(MqttDevice.event("w-2", "WATER_LEAK", "\"durationSeconds\":45"));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(camera[0]) == 1 && stored(leak[0]) == 2);
		}
		var list = Api.body(this.mvc.perform(bearer(get("/api/v1/communities/{cid}/alarms?state=ACTIVE", this.cid),
				this.admin)).andReturn()).get("content");
		assertThat(list.size()).isEqualTo(2);
		String throwing = null;
		String leakAlarm = null;
		for (var alarm : list) {
			if (alarm.get("type").asString().equals("THROWING")) {
				throwing = alarm.get("id").asString();
				assertThat(alarm.get("severity").asString()).isEqualTo("MAJOR");
				assertThat(alarm.get("snapshot").asString()).isEqualTo("snap/2026/t-1.jpg");
			}
			else {
				leakAlarm = alarm.get("id").asString();
				assertThat(alarm.get("count").asInt()).isEqualTo(1);
			}
		}
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/alarms/{id}/acknowledge", this.cid, throwing),
				this.admin)).andExpect(status().isOk()).andExpect(jsonPath("$.acknowledged").value(true));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/alarms/{id}/acknowledge", this.cid, throwing),
				this.admin)).andExpect(status().isConflict());
		// the unacknowledged leak escalates once the setting (5 minutes) has passed; the acknowledged alarm does not
		assertThat(this.alarms.escalateAt(Instant.now().plus(Duration.ofMinutes(6)), UUID.fromString(this.cid)))
			.isEqualTo(1);
		assertThat(this.alarms.escalateAt(Instant.now().plus(Duration.ofMinutes(7)), UUID.fromString(this.cid)))
			.isZero();
		String escalatedId = leakAlarm;
		assertThat(events.stream(AlarmEscalated.class).filter(e -> e.alarmId().toString().equals(escalatedId)))
			.hasSize(1);
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/alarms/{id}/handlings", this.cid, throwing),
				this.admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("note", "已到现场，清理坠物，张贴提示", "photos", "photo/a.jpg"))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$[0].photos").value("photo/a.jpg"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/alarms/{id}/clear", this.cid, throwing), this.admin))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLEARED"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/alarms/{id}/clear", this.cid, throwing), this.admin))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/alarms/figures", this.cid), this.admin))
			.andExpect(jsonPath("$.byType.THROWING").value(1))
			.andExpect(jsonPath("$.byType.WATER_LEAK").value(1))
			.andExpect(jsonPath("$.acknowledged").value(1));
	}

	@Test
	void devicesLogInWithTheirOwnPasswordAndPublishOnlyUnderTheirOwnTopic() throws Exception {
		String[] mine = device("DOOR_STATION", null);
		String[] other = device("SMOKE_DETECTOR", null);
		assertThatThrownBy(() -> MqttDevice.connect(this.gateway.brokerUrl(), this.code, mine[0], "wrong-password"))
			.isInstanceOf(MqttException.class); // refused: a bad-credentials answer or a closed connection
		try (MqttDevice door = MqttDevice.connect(this.gateway.brokerUrl(), this.code, mine[0], mine[1])) {
			// a forged smoke alarm under the detector's topic
			try {
				door.publish("linli/" + this.code + "/devices/" + other[0] + "/events",
						MqttDevice.event("forged-1", "SMOKE", null));
			}
			catch (MqttException refusedOrDisconnected) {
				// the broker may drop the connection instead of ignoring the message
			}
		}
		try (MqttDevice door = MqttDevice.connect(this.gateway.brokerUrl(), this.code, mine[0], mine[1])) {
			door.publish(MqttDevice.event("own-1", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(mine[0]) == 1);
		}
		assertThat(stored(other[0])).isZero();
		assertThat(this.alarms.count(UUID.fromString(this.cid), "ACTIVE")).isZero();
	}

	@Test
	void malformedOversizedAndInsaneMessagesAreRefusedWithTheReason() throws Exception {
		String[] meter = device("METER", null);
		long before = this.jdbc.sql("select count(*) from iot.rejected_message").query(Long.class).single();
		try (MqttDevice device = MqttDevice.connect(this.gateway.brokerUrl(), this.code, meter[0], meter[1])) {
			device.publish("not json at all");
			device.publish("[1,2,3]");
			device.publish("{\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + MqttDevice.now() + "\"}");
			device.publish("{\"eventId\":\"x-1\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"yesterday\"}");
			device.publish("{\"eventId\":\"x-2\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"2099-01-01T00:00:00+08:00\"}");
			device.publish("{\"eventId\":\"x-3\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"2001-01-01T00:00:00+08:00\"}");
			device.publish("{\"eventId\":\"x-4\",\"type\":\"heartbeat!\",\"occurredAt\":\"" + MqttDevice.now() + "\"}");
			device.publish(MqttDevice.event("x-5", "HEARTBEAT", "\"blob\":\"" + "a".repeat(10_000) + "\""));
			// valid JSON that PostgreSQL's jsonb cannot hold: refused, not retried forever
			device.publish(MqttDevice.event("x-6", "HEARTBEAT", "\"note\":\"a\\u0000b\""));
			device.publish("{\"eventId\":\"x-7\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + MqttDevice.now()
					+ "\"} trailing");
			// valid JSON whose text jsonb cannot read (a lone surrogate, a number beyond numeric): found by the
			// database, refused alone while the rest of its batch is stored
			device.publish(MqttDevice.event("x-8", "HEARTBEAT", "\"note\":\"\\ud800\""));
			device.publish(MqttDevice.event("x-9", "HEARTBEAT", "\"level\":1e999999"));
			device.publish(MqttDevice.event("ok-1", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc
				.sql("select count(*) from iot.rejected_message").query(Long.class).single() - before >= 12
					&& stored(meter[0]) == 1);
		}
		assertThat(this.jdbc.sql("select reason from iot.rejected_message where topic like ? order by id")
			.param("%/" + meter[0] + "/events").query(String.class).list()).containsExactly("MALFORMED", "MALFORMED",
					"BAD_EVENT_ID", "BAD_TIME", "FUTURE_TIME", "TOO_OLD", "BAD_TYPE", "TOO_LARGE", "MALFORMED",
					"MALFORMED", "MALFORMED", "MALFORMED");
	}

	@Test
	void nothingAcceptedIsLostWhenTheGatewayStopsWithMessagesInFlight() throws Exception {
		String[] door = device("DOOR_STATION", null);
		int total = 300;
		try {
			try (MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), this.code, door[0], door[1])) {
				for (int i = 0; i < total; i++) {
					station.publish(MqttDevice.event("a-" + i, "HEARTBEAT", null));
					if (i == 100) {
						this.gateway.halt(); // as if it died: what it took and did not store goes back to the broker
					}
				}
				// while the gateway is away the broker keeps what it accepted, and the gateway takes it up again
				this.gateway.start();
				await().atMost(Duration.ofSeconds(30)).until(() -> stored(door[0]) == total);
				// a stopped gateway (a shutdown) has stored all it took, and the broker accepts nothing more: the
				// device gets no acknowledgement and keeps the message
				this.gateway.stop();
				assertThatThrownBy(() -> station.publish(MqttDevice.event("after-stop", "HEARTBEAT", null)))
					.isInstanceOf(MqttException.class);
				station.client().disconnectForcibly(0, 0, false); // as a device that gives up on the connection
				this.gateway.start();
			}
			// the device sends what was never acknowledged again once connected anew
			try (MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), this.code, door[0], door[1])) {
				station.publish(MqttDevice.event("after-stop", "HEARTBEAT", null));
				await().atMost(Duration.ofSeconds(30)).until(() -> stored(door[0]) == total + 1);
			}
		}
		finally {
			if (!this.gateway.isRunning()) {
				this.gateway.start();
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(this.gateway::connected);
	}

	@Test
	void silentDevicesGoOfflineWithAMinorAlarmThatClearsWhenTheyAreHeardAgain() throws Exception {
		String[] gate = device("BARRIER_GATE", null);
		UUID community = UUID.fromString(this.cid);
		try (MqttDevice barrier = MqttDevice.connect(this.gateway.brokerUrl(), this.code, gate[0], gate[1])) {
			barrier.publish(MqttDevice.event("h-1", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(gate[0]) == 1);
			assertThat(this.devices.flagOfflineAt(Instant.now(), community)).isZero();
			assertThat(this.devices.flagOfflineAt(Instant.now().plus(Duration.ofMinutes(6)), community)).isEqualTo(1);
			var active = this.alarms.list(community, "ACTIVE", 10, 0);
			assertThat(active).singleElement().satisfies(alarm -> {
				assertThat(alarm.type()).isEqualTo("DEVICE_OFFLINE");
				assertThat(alarm.severity()).isEqualTo("MINOR");
			});
			barrier.publish(MqttDevice.event("h-2", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.alarms.count(community, "ACTIVE") == 0);
		}
	}

	@Test
	void residentsSeeNoDevicesOrAlarms() throws Exception {
		String resident = Api.token(this.mvc, "resident");
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/alarms", xingfuli), resident))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices", xingfuli), resident))
			.andExpect(status().isForbidden());
	}

}
