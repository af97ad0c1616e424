package org.linli.workorder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.shared.time.MovableClock;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.workorder.domain.Escalation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Escalation with a moved clock: a missed deadline goes to the supervisor (property staff), later to the manager,
 * each notified once however often the job runs; an order waiting for the resident does not escalate.
 */
@LinliIntegrationTest
class EscalationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityApi identity;

	@Autowired
	Escalation escalation;

	@Autowired
	Clock clock;

	WorkOrderFixture f;

	@BeforeEach
	void compound() throws Exception {
		this.f = new WorkOrderFixture(this.mvc, this.identity);
	}

	@AfterEach
	void realTime() {
		((MovableClock) this.clock).reset();
	}

	@Test
	void aMissedDeadlineEscalatesToTheSupervisorThenTheManagerEachNotifiedOnce() throws Exception {
		String id = file("漏水严重");
		String waiting = file("需要住户在家");
		act("desk", waiting, "acknowledge", null);
		act("desk", waiting, "wait", Map.of("note", "住户不在家，约明天上门"));

		this.escalation.run();
		eventually(() -> assertThat(escalations("desk", id)).isZero());

		move(Duration.ofMinutes(16));
		this.escalation.run();
		this.escalation.run();
		eventually(() -> assertThat(escalations("desk", id)).isEqualTo(1));
		eventually(() -> assertThat(escalations("boss", id)).isZero());
		assertThat(history(id)).containsExactly("FILE", "ESCALATE");
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", id), this.f.token("desk")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.overdue")
				.value(true))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.escalation")
				.value(1));

		move(Duration.ofMinutes(30));
		this.escalation.run();
		this.escalation.run();
		eventually(() -> assertThat(escalations("boss", id)).isEqualTo(1));
		eventually(() -> assertThat(escalations("desk", id)).isEqualTo(1));
		assertThat(history(id)).containsExactly("FILE", "ESCALATE", "ESCALATE");

		// acknowledged late: now the resolve deadline (4 h from filing) runs and escalates on its own
		act("desk", id, "acknowledge", null);
		move(Duration.ofHours(4));
		this.escalation.run();
		this.escalation.run();
		eventually(() -> assertThat(escalations("desk", id)).isEqualTo(2));
		eventually(() -> assertThat(escalations("boss", id)).isEqualTo(2));
		assertThat(history(id)).containsExactly("FILE", "ESCALATE", "ESCALATE", "ACKNOWLEDGE", "ESCALATE",
				"ESCALATE");

		// waiting for the resident: far past every target, but its clock stood still
		assertThat(history(waiting)).containsExactly("FILE", "ACKNOWLEDGE", "WAIT");
		eventually(() -> assertThat(escalations("desk", waiting)).isZero());
		// back to work after the wait: the deadlines moved on by the wait, so nothing is late yet
		act("desk", waiting, "resume", null);
		this.escalation.run();
		assertThat(history(waiting)).containsExactly("FILE", "ACKNOWLEDGE", "WAIT", "RESUME");
	}

	/** Notices are written by asynchronous listeners after the change commits: wait for them, within limits. */
	private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(assertion);
	}

	private void move(Duration amount) {
		((MovableClock) this.clock).advance(amount);
	}

	private String file(String text) throws Exception {
		return Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL", "description", text))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

	private void act(String who, String id, String action, Map<String, ?> body) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/work-orders/{id}/" + action, id), this.f.token(who));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		this.mvc.perform(request).andExpect(status().isOk());
	}

	private List<String> history(String id) throws Exception {
		JsonNode order = Api.body(this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", id), this.f.token("desk")))
			.andReturn());
		List<String> actions = new java.util.ArrayList<>();
		order.get("history").forEach(step -> actions.add(step.get("action").asString()));
		return actions;
	}

	/** Escalation notices about the order in the account's inbox. */
	private long escalations(String who, String id) throws Exception {
		JsonNode inbox = Api.body(this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "200"),
				this.f.token(who))).andExpect(status().isOk()).andReturn());
		long count = 0;
		for (JsonNode notice : inbox.get("content")) {
			if (notice.get("kind").asString().equals("WORK_ORDER_ESCALATED")
					&& notice.get("link").asString().endsWith(id)) {
				count++;
			}
		}
		return count;
	}

}
