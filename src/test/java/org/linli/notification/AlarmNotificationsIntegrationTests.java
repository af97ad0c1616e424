package org.linli.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linli.iot.AlarmRaised;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * A critical alarm reaches the whole property team in each reader's language; a minor one only its assignee; nobody
 * outside the community hears of either.
 */
@LinliIntegrationTest
class AlarmNotificationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aCriticalAlarmReachesTheTeamAndAMinorOneItsAssignee() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		String smokeDevice = "smoke-" + UUID.randomUUID().toString().substring(0, 6);
		String gateDevice = "gate-" + UUID.randomUUID().toString().substring(0, 6);
		this.transaction.executeWithoutResult(status -> {
			this.events.publishEvent(new AlarmRaised(xingfuli, UUID.randomUUID(), smokeDevice, "3号楼烟感 " + smokeDevice,
					"3号楼", "SMOKE", "CRITICAL", Instant.now(), "staff", null));
			this.events.publishEvent(new AlarmRaised(xingfuli, UUID.randomUUID(), gateDevice, "北门道闸 " + gateDevice,
					"北门", "DEVICE_FAULT", "MINOR", Instant.now(), "staff", null));
		});

		String staff = Api.token(this.mvc, "staff");
		String manager = Api.token(this.mvc, "manager");
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), staff))
				.andExpect(jsonPath("$.content[*].title").value(hasItem("烟雾报警：3号楼烟感 " + smokeDevice)))
				.andExpect(jsonPath("$.content[*].title").value(hasItem(org.hamcrest.Matchers.containsString(gateDevice))));
			this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), manager)
				.header("Accept-Language", "en"))
				.andExpect(jsonPath("$.content[*].title").value(hasItem(org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString(smokeDevice), org.hamcrest.Matchers.not(
								org.hamcrest.Matchers.containsString("SMOKE"))))));
		});
		// the minor alarm went to its assignee only; the committee hears of neither
		this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), manager))
			.andExpect(jsonPath("$.content[*].title").value(not(hasItem(org.hamcrest.Matchers.containsString(gateDevice)))));
		this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), Api.token(this.mvc, "committee")))
			.andExpect(jsonPath("$.content[*].title").value(not(hasItem(org.hamcrest.Matchers.containsString(smokeDevice)))));
	}


	@Test
	void aTamperedLedgerIsACriticalAlarmForTheProjectThePropertyAndTheStreet() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		this.transaction.executeWithoutResult(status -> this.events
			.publishEvent(new org.linli.ledger.LedgerTampered(xingfuli, 4242L, "leaf hash", Instant.now())));
		for (String who : new String[] { "pm", "manager", "street" }) {
			String token = Api.token(this.mvc, who);
			Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), token))
					.andExpect(jsonPath("$.content[?(@.body =~ /.*4242.*/)].urgent").value(hasItem(true))));
		}
		this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "100"), Api.token(this.mvc, "resident")))
			.andExpect(jsonPath("$.content[*].body").value(not(hasItem(org.hamcrest.Matchers.containsString("4242")))));
	}

}
