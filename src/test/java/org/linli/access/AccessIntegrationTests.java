package org.linli.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.linli.access.domain.AccessEvents;
import org.linli.iot.MqttDevice;
import org.linli.iot.domain.MqttGateway;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Visitor passes, credentials with consent, access events and who may see them. */
@LinliIntegrationTest
class AccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttGateway gateway;

	@Autowired
	AccessEvents accessEvents;

	String xingfuli() {
		return this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'").query(String.class)
			.single();
	}

	String passBody(String guest, OffsetDateTime from, OffsetDateTime until) {
		return Api.json(Map.of("guestName", guest, "guestPhone", "13800138000", "validFrom", from.toString(),
				"validUntil", until.toString()));
	}

	@Test
	void aGuestsPassIsVerifiedAtTheGateLoggedAndRefusedOnceRevokedOrExpired() throws Exception {
		String resident = Api.token(this.mvc, "resident");
		String committee = Api.token(this.mvc, "committee");
		String staff = Api.token(this.mvc, "staff");
		String cid = xingfuli();
		OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
		var created = Api.body(this.mvc.perform(bearer(post("/api/v1/me/visitor-passes"), resident)
			.contentType(MediaType.APPLICATION_JSON).content(passBody("李四", now.minusMinutes(5), now.plusHours(3))))
			.andExpect(status().isCreated()).andReturn());
		String id = created.get("pass").get("id").asString();
		String token = created.get("token").asString();
		assertThat(created.get("image").asString()).startsWith("data:image/png;base64,");
		this.mvc.perform(bearer(post("/api/v1/me/visitor-passes"), resident).contentType(MediaType.APPLICATION_JSON)
			.content(passBody("", now, now.minusHours(1))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("guestName", "validUntil")));

		// another household never sees or touches it
		this.mvc.perform(bearer(get("/api/v1/me/visitor-passes/{id}", id), committee)).andExpect(status().isNotFound());
		this.mvc.perform(bearer(post("/api/v1/me/visitor-passes/{id}/revoke", id), committee))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/me/visitor-passes"), committee))
			.andExpect(content().string(not(containsString(id))));
		this.mvc.perform(bearer(get("/api/v1/me/visitor-passes"), resident))
			.andExpect(content().string(containsString(id)));

		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/visitor-passes/verify", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("token", token))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("VALID"))
			.andExpect(jsonPath("$.pass.guestName").value("李*"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/visitor-passes/verify", cid), resident)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("token", token))))
			.andExpect(status().isForbidden());
		String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/visitor-passes/verify", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("token", forged))))
			.andExpect(jsonPath("$.result").value("INVALID"));

		this.mvc.perform(bearer(post("/api/v1/me/visitor-passes/{id}/revoke", id), resident))
			.andExpect(status().isNoContent());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/visitor-passes/verify", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("token", token))))
			.andExpect(jsonPath("$.result").value("REVOKED"));

		var second = Api.body(this.mvc.perform(bearer(post("/api/v1/me/visitor-passes"), resident)
			.contentType(MediaType.APPLICATION_JSON).content(passBody("赵五", now.minusMinutes(5), now.plusHours(1))))
			.andReturn());
		this.jdbc.sql("update access.visitor_pass set valid_until = now() - interval '1 minute' where id = ?::uuid")
			.param(second.get("pass").get("id").asString()).update();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/visitor-passes/verify", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("token", second.get("token").asString()))))
			.andExpect(jsonPath("$.result").value("EXPIRED"));
		assertThat(this.jdbc.sql("select result from access.visit where pass_id = ?::uuid order by verified_at")
			.param(id).query(String.class).list()).containsExactly("VALID", "REVOKED");
	}

	@Test
	void residentPagesShowOwnAccessAndPassesInElderlyModeToo() throws Exception {
		var session = Pages.signIn(this.mvc, "resident").session();
		this.mvc.perform(post("/preferences/elderly").session(session).with(csrf()).param("on", "true"));
		try {
			this.mvc.perform(get("/app/access").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"elderly app\"")))
				.andExpect(content().string(containsString("id=\"my-credentials\"")));
			this.mvc.perform(get("/app/visitors").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"elderly app\"")))
				.andExpect(content().string(containsString("王小明")));
		}
		finally {
			// the demo resident's preference is shared by every test class: leave it as found
			this.mvc.perform(post("/preferences/elderly").session(session).with(csrf()).param("on", "false"));
		}
		var staffSession = Pages.signIn(this.mvc, "staff").session();
		this.mvc.perform(get("/console/security/alarms").session(staffSession)).andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")));
		this.mvc.perform(get("/console/security/devices").session(staffSession)).andExpect(status().isOk())
			.andExpect(content().string(containsString("xfl-door-north")));
		this.mvc.perform(get("/console/security/passes").session(staffSession)).andExpect(status().isOk());
		this.mvc.perform(get("/console/security/alarms").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void accessEventsArriveOverMqttResidentsSeeTheirOwnStaffSeeThemMaskedAndOldOnesArePurged() throws Exception {
		String resident = Api.token(this.mvc, "resident");
		String committee = Api.token(this.mvc, "committee");
		String staff = Api.token(this.mvc, "staff");
		String cid = xingfuli();
		// the demo gave the resident a card; the door reports its use
		String card = Api.body(this.mvc.perform(bearer(get("/api/v1/me/credentials"), resident)).andReturn())
			.get("credentials").findValues("id").stream()
			.filter(n -> true).map(n -> n.asString()).findFirst().orElseThrow();
		String eventId = "acc-" + UUID.randomUUID().toString().substring(0, 8);
		try (MqttDevice door = MqttDevice.connect(this.gateway.brokerUrl(), "xingfuli", "xfl-door-b1", Api.DEMO_PASSWORD)) {
			door.publish(MqttDevice.event(eventId, "ACCESS",
					"\"credential\":\"CARD\",\"credentialId\":\"" + card + "\",\"direction\":\"IN\",\"result\":\"GRANTED\""));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc
				.sql("select count(*) from access.access_event where event_id = ?").param(eventId).query(Long.class)
				.single() == 1);
		}
		var mine = Api.body(this.mvc.perform(bearer(get("/api/v1/me/access-events"), resident)).andReturn());
		assertThat(mine.size()).isGreaterThanOrEqualTo(1);
		this.mvc.perform(bearer(get("/api/v1/me/access-events"), committee))
			.andExpect(content().string(not(containsString("xfl-door-b1\",\"person"))))
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/access-events?deviceId=xfl-door-b1", cid), staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].deviceId").value("xfl-door-b1"))
			.andExpect(jsonPath("$.content[0].person").value(org.hamcrest.Matchers.containsString("*")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/access-events", cid), resident))
			.andExpect(status().isForbidden());
		assertThat(this.accessEvents.retention()).isEqualTo(Duration.ofDays(180));
		this.jdbc.sql("update access.access_event set occurred_at = now() - interval '200 days' where event_id = ?")
			.param(eventId).update();
		assertThat(this.accessEvents.purgeBefore(Instant.now().minus(this.accessEvents.retention()))).isEqualTo(1);
	}

	@Test
	void faceNeedsConsentAndAnotherWayInAndRevocationReachesEveryDoor() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "acc" + UUID.randomUUID().toString().substring(0, 8);
		String cid = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", code, "name", "门禁测试小区", "address", "测试路2号")))).andReturn())
			.get("id").asString();
		String adult = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/persons", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "周成人", "idNumber",
					IdNumbers.valid("110105", "19800101", 11), "phone", "13900139000"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		String child = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/persons", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "周小童", "idNumber",
					IdNumbers.valid("110105", "20180101", 12), "phone", "13900139001"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		var door = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/devices", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("type", "DOOR_STATION", "name", "南门"))))
			.andReturn());
		String base = "/api/v1/communities/" + cid + "/persons/";

		this.mvc.perform(bearer(post(base + child + "/face-consent"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"photoKept\":false}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("guardianPersonId"));
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "FACE", "templateRef", "tpl-1")))).andExpect(status().isConflict());
		this.mvc.perform(bearer(post(base + adult + "/face-consent"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"photoKept\":false}")).andExpect(status().isCreated());
		// consent alone is not enough: face is never the only way in
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "FACE", "templateRef", "tpl-1")))).andExpect(status().isConflict());
		String cardId = Api.body(this.mvc.perform(bearer(post(base + adult + "/credentials"), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("kind", "CARD", "cardNumber", "0A1B2C3D4E"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "FACE", "templateRef", "tpl-1", "photo", "aGVsbG8="))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photo"));
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "FACE", "templateRef", "tpl-1")))).andExpect(status().isCreated());
		assertThat(this.jdbc.sql("select template_ref from access.credential where person_id = ?::uuid and kind = 'FACE'")
			.param(adult).query(String.class).single()).isNotEqualTo("tpl-1");
		this.mvc.perform(bearer(delete(base + adult + "/credentials/" + cardId), admin))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "PIN", "pin", "111111")))).andExpect(status().isBadRequest());
		this.mvc.perform(bearer(post(base + adult + "/credentials"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "PIN", "pin", "482913")))).andExpect(status().isCreated());
		this.mvc.perform(bearer(delete(base + adult + "/credentials/" + cardId), admin))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("select pin_hash from access.credential where person_id = ?::uuid and kind = 'PIN'")
			.param(adult).query(String.class).single()).startsWith("$2").doesNotContain("482913");

		// the door station listens on its commands topic; withdrawing consent removes the face from it
		List<String> received = new CopyOnWriteArrayList<>();
		try (MqttDevice station = MqttDevice.connect(this.gateway.brokerUrl(), code, door.get("id").asString(),
				door.get("password").asString())) {
			MqttClient client = station.client();
			client.subscribe("linli/" + code + "/devices/" + door.get("id").asString() + "/commands", 1,
					(topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
			this.mvc.perform(bearer(delete(base + adult + "/face-consent"), admin)).andExpect(status().isNoContent());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> received.stream().anyMatch(c -> c.contains("REVOKE_CREDENTIAL") && c.contains("FACE")));
		}
		assertThat(this.jdbc.sql("""
				select count(*) from access.credential
				 where person_id = ?::uuid and kind = 'FACE' and status = 'REVOKED' and template_ref is null
				""").param(adult).query(Long.class).single()).isEqualTo(1);

		// moving out removes what is left
		this.mvc.perform(bearer(post(base + adult + "/move-out"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("until", "2026-01-31"))));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc
			.sql("select count(*) from access.credential where person_id = ?::uuid and status = 'ACTIVE'").param(adult)
			.query(Long.class).single() == 0);
	}

}
