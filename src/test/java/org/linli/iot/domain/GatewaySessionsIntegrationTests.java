package org.linli.iot.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.iot.DeviceType;
import org.linli.iot.MqttDevice;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The gateway's several sessions (ADR 0013, "Sessions and writers"), as with an external broker: devices spread over
 * sessions keep every accepted message across a restart, a device registered while the gateway runs is subscribed
 * before its registration returns, a removed one is unsubscribed, and a publish that no session listens to is refused
 * rather than dropped. The embedded broker is used through MQTT sessions here instead of in process.
 */
@LinliIntegrationTest
@TestPropertySource(properties = "linli.iot.gateway.in-process=false")
class GatewaySessionsIntegrationTests {

	static final String PASSWORD = "Sess@2026-pw";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttGateway gateway;

	@Autowired
	DeviceService devices;

	@Autowired
	DeviceDirectory directory;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	GatewayCoverage coverage;

	@Autowired
	IotSettings settings;

	UUID cid;

	String code;

	GatewayPartitions partitions;

	@BeforeEach
	void community() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		this.code = "gws" + UUID.randomUUID().toString().substring(0, 8);
		this.cid = UUID.fromString(Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", this.code, "name", "会话测试小区", "address", "测试路2号"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString());
		this.partitions = new GatewayPartitions(this.settings.gateway().sessions(this.settings.broker().embedded()),
				this.settings.gateway().writers(false));
		await().atMost(Duration.ofSeconds(30)).until(this.gateway::connected);
	}

	String register(DeviceType type) {
		return this.devices.register(this.cid, new DeviceService.NewDevice(null, type.name(), type + " 会话", null, null,
				null, null, PASSWORD)).id();
	}

	long stored(String deviceId) {
		return this.jdbc.sql("select count(*) from iot.device_event where device_id = ?").param(deviceId)
			.query(Long.class).single();
	}

	@Test
	void nothingAcceptedIsLostWhenSeveralSessionsStopAndComeBack() throws Exception {
		assertThat(this.partitions.sessions()).isGreaterThan(2);
		List<String> doors = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			doors.add(register(DeviceType.DOOR_STATION));
		}
		String smoke = register(DeviceType.SMOKE_DETECTOR);
		Set<Integer> sessions = doors.stream().map(d -> this.partitions.session(d, DeviceType.DOOR_STATION))
			.collect(Collectors.toSet());
		assertThat(sessions).hasSizeGreaterThan(2).doesNotContain(0);
		assertThat(this.partitions.session(smoke, DeviceType.SMOKE_DETECTOR)).isZero();
		int rounds = 60;
		int before = 20;
		List<MqttDevice> connections = new ArrayList<>();
		try {
			for (String door : doors) {
				connections.add(MqttDevice.connect(this.gateway.brokerUrl(), this.code, door, PASSWORD));
			}
			MqttDevice detector = MqttDevice.connect(this.gateway.brokerUrl(), this.code, smoke, PASSWORD);
			connections.add(detector);
			for (int i = 0; i < rounds; i++) {
				if (i == before) {
					// the first rounds are stored; then the gateway dies and every session's messages wait in the
					// broker (deliveries still unacknowledged at the stop can be lost by Moquette 0.17, which numbers
					// them per connection: ADR 0013, amendment)
					await().atMost(Duration.ofSeconds(60)).until(
							() -> doors.stream().allMatch(d -> stored(d) == before) && stored(smoke) == before);
					this.gateway.halt();
				}
				for (int d = 0; d < doors.size(); d++) {
					connections.get(d).publish(MqttDevice.event("p-" + i, "ACCESS", "\"result\":\"GRANTED\""));
				}
				// smoke repeats: one active alarm whose count says how many distinct events were processed
				detector.publish(MqttDevice.event("s-" + i, "SMOKE", "\"level\":2"));
			}
			// the gateway is away; start it while the devices publish the same messages again (as after a lost
			// acknowledgement): each is stored once
			this.gateway.start();
			for (int d = 0; d < doors.size(); d++) {
				connections.get(d).publish(MqttDevice.event("p-" + (rounds - 1), "ACCESS", "\"result\":\"GRANTED\""));
			}
			detector.publish(MqttDevice.event("s-" + (rounds - 1), "SMOKE", "\"level\":2"));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> doors.stream().allMatch(d -> stored(d) == rounds) && stored(smoke) == rounds);
		}
		finally {
			if (!this.gateway.isRunning()) {
				this.gateway.start();
			}
			for (MqttDevice connection : connections) {
				connection.close();
			}
		}
		assertThat(this.jdbc.sql("select count(*) from access.access_event where community_id = ?").param(this.cid)
			.query(Long.class).single()).isEqualTo((long) rounds * doors.size());
		assertThat(this.jdbc.sql("""
				select count from iot.alarm where community_id = ? and device_id = ? and state = 'ACTIVE'
				""").param(this.cid).param(smoke).query(Integer.class).single()).isEqualTo(rounds);
		await().atMost(Duration.ofSeconds(10)).until(this.gateway::connected);
	}

	@Test
	void aDeviceIsSubscribedBeforeItsRegistrationReturnsAndUnsubscribedWhenRemoved() throws Exception {
		String door = register(DeviceType.DOOR_STATION);
		assertThat(this.coverage.session(door)).isEqualTo(this.partitions.session(door, DeviceType.DOOR_STATION));
		try (MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), this.code, door, PASSWORD)) {
			station.publish(MqttDevice.event("r-1", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(door) == 1);
		}
		this.jdbc.sql("delete from iot.device where id = ?").param(door).update();
		this.directory.forget(door);
		assertThat(this.coverage.session(door)).isNull();
	}

	@Test
	void aPublishNoSessionListensToIsRefusedAndTheDeviceKeepsIt() throws Exception {
		this.gateway.halt();
		String door;
		try {
			door = register(DeviceType.DOOR_STATION); // while the gateway is away: no session subscribes it
			assertThat(this.coverage.session(door)).isNull();
			MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), this.code, door, PASSWORD);
			try {
				// the broker would acknowledge and drop a message nobody subscribed to: it is refused (no PUBACK)
				assertThatThrownBy(() -> station.publish(MqttDevice.event("k-1", "HEARTBEAT", null)))
					.isInstanceOf(MqttException.class);
			}
			finally {
				station.client().disconnectForcibly(0, 0, false);
				station.close();
			}
		}
		finally {
			this.gateway.start();
		}
		await().atMost(Duration.ofSeconds(30)).until(this.gateway::connected);
		assertThat(this.coverage.session(door)).isNotNull();
		assertThat(stored(door)).isZero();
		// the device sends it again (it was never acknowledged): now it is stored
		try (MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), this.code, door, PASSWORD)) {
			station.publish(MqttDevice.event("k-1", "HEARTBEAT", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> stored(door) == 1);
		}
	}


	/**
	 * Another application node retires a device: this node's cached identity goes when the other node's commit is
	 * heard, and its own changes are not acted on twice.
	 */
	@Test
	void aDeviceRetiredOnAnotherNodeLosesItsCachedIdentityHere() {
		String door = register(DeviceType.DOOR_STATION);
		assertThat(this.directory.identity(door)).isPresent();
		// what another node's DeviceService does, seen from here: its row changes and its notification arrives
		this.jdbc.sql("update iot.device set status = 'RETIRED' where id = :id").param("id", door).update();
		assertThat(this.directory.identity(door)).as("still cached before the other node's notice").isPresent();
		this.jdbc.sql("select pg_notify(:channel, :payload)").param("channel", DeviceChangeFeed.CHANNEL)
			.param("payload", "other-node " + DeviceChangeFeed.REVOKED + " " + door).query((rs, n) -> 1).list();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.directory.identity(door).isEmpty());
	}

	@Test
	void aChangeIsAnnouncedToOtherNodesOnlyOnceItsTransactionCommits() throws Exception {
		String door = register(DeviceType.DOOR_STATION);
		var heard = new java.util.concurrent.LinkedBlockingQueue<String>();
		Thread listener = Thread.ofPlatform().start(() -> listenOnce(heard));
		await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
		assertThat(heard.take()).isEqualTo("listening");
		this.devices.retire(this.cid, door, this.jdbc.sql("select version from iot.device where id = :id")
			.param("id", door).query(Integer.class).single());
		await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(DeviceChangeFeed.NODE + " "
				+ DeviceChangeFeed.REVOKED + " " + door));
		listener.interrupt();
	}

	/** A second node's listening connection, as plain JDBC. */
	private void listenOnce(java.util.concurrent.BlockingQueue<String> heard) {
		try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("listen " + DeviceChangeFeed.CHANNEL);
			heard.add("listening");
			var pg = connection.unwrap(org.postgresql.PGConnection.class);
			while (!Thread.currentThread().isInterrupted()) {
				var notifications = pg.getNotifications(500);
				if (notifications != null) {
					for (var notification : notifications) {
						heard.add(notification.getParameter());
					}
				}
			}
		}
		catch (java.sql.SQLException ex) {
			heard.add("failed: " + ex.getMessage());
		}
	}

}
