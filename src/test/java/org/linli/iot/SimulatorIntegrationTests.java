package org.linli.iot;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.iot.domain.Simulations;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo console's device simulator: it plays the compound's devices through the broker, for managers only. */
@org.linli.support.LinliIntegrationTest
class SimulatorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Simulations simulations;

	UUID xingfuli() {
		return this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class).single();
	}

	@AfterEach
	void nothingLeftRunning() {
		UUID cid = xingfuli();
		this.simulations.stop(cid);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Simulations.Run run = this.simulations.status(cid);
			return run == null || !run.stats().running();
		});
	}

	long simulated(String runId, String type) {
		return this.jdbc.sql("select count(*) from iot.device_event where event_id like ? and type = ?")
			.param("sim-" + runId + "-%").param(type).query(Long.class).single();
	}

	@Test
	void theManagerStartsASimulationAndTheDevicesEventsArriveThroughTheBroker() throws Exception {
		UUID cid = xingfuli();
		var session = Pages.signIn(this.mvc, "manager").session();
		this.mvc.perform(get("/console/security/simulator").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("simulator-form")));
		this.mvc.perform(post("/console/security/simulator/start").session(session).with(csrf())
			.param("cid", cid.toString()).param("rate", "40").param("seconds", "3"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/security/simulator?cid=" + cid));
		String runId = this.simulations.status(cid).runId();
		// one run at a time
		this.mvc.perform(post("/console/security/simulator/start").session(session).with(csrf())
			.param("cid", cid.toString()).param("rate", "40").param("seconds", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已有模拟在运行")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> simulated(runId, "ACCESS") > 0 && simulated(runId, "HEARTBEAT") > 0);
		long accessRows = this.jdbc.sql("select count(*) from access.access_event where event_id like ?")
			.param("sim-" + runId + "-%").query(Long.class).single();
		assertThat(accessRows).isPositive();
		this.mvc.perform(get("/console/security/simulator/status").param("cid", cid.toString()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(runId)));
		// stopped early, every published message was acknowledged and stored once
		this.mvc.perform(post("/console/security/simulator/stop").session(session).with(csrf())
			.param("cid", cid.toString())).andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.simulations.status(cid).stats().running());
		Simulations.Run run = this.simulations.status(cid);
		assertThat(run.stats().acknowledged()).isEqualTo(run.stats().published());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc
			.sql("select count(*) from iot.device_event where event_id like ?").param("sim-" + runId + "-%")
			.query(Long.class).single() == run.stats().published());
	}

	@Test
	void rateAndDurationOutOfBoundsAreShownBesideTheirFields() throws Exception {
		UUID cid = xingfuli();
		var session = Pages.signIn(this.mvc, "manager").session();
		String page = this.mvc.perform(post("/console/security/simulator/start").session(session).with(csrf())
			.param("cid", cid.toString()).param("rate", "5000").param("seconds", "abc"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("请输入 1 至 200 之间的整数。").contains("请输入 1 至 300 之间的整数秒数。")
			.contains("value=\"5000\"");
		Simulations.Run run = this.simulations.status(cid);
		assertThat(run == null || !run.stats().running()).isTrue();
	}

	@Test
	void staffResidentsAndOtherCommunitiesManagersAreRefused() throws Exception {
		UUID cid = xingfuli();
		var staff = Pages.signIn(this.mvc, "staff").session();
		this.mvc.perform(get("/console/security/simulator").session(staff)).andExpect(status().isForbidden());
		this.mvc.perform(post("/console/security/simulator/start").session(staff).with(csrf())
			.param("cid", cid.toString()).param("rate", "10").param("seconds", "2"))
			.andExpect(status().isForbidden());
		var resident = Pages.signIn(this.mvc, "resident").session();
		this.mvc.perform(get("/console/security/simulator").session(resident)).andExpect(status().isForbidden());
		this.mvc.perform(post("/console/security/simulator/start").session(resident).with(csrf())
			.param("cid", cid.toString()).param("rate", "10").param("seconds", "2"))
			.andExpect(status().isForbidden());
		Simulations.Run run = this.simulations.status(cid);
		assertThat(run == null || !run.stats().running()).isTrue();
	}

}
