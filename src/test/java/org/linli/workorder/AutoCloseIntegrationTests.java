package org.linli.workorder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.shared.time.MovableClock;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.workorder.domain.AutoClose;
import org.linli.workorder.domain.CommunitySettings;

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
 * A resolved order the resident never confirms closes by itself after the community's delay, done by the system,
 * unrated, once, with the resident told; a reopened order does not close.
 */
@LinliIntegrationTest
class AutoCloseIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityApi identity;

	@Autowired
	AutoClose autoClose;

	@Autowired
	CommunitySettings settings;

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
	void theDefaultIsSeventyTwoHours() {
		assertThat(this.settings.of(UUID.fromString(this.f.cid)).autoCloseHours()).isEqualTo(72);
	}

	@Test
	void anUnconfirmedOrderClosesAfterTheSettingOnceAndAReopenedOneDoesNot() throws Exception {
		this.settings.change(UUID.fromString(this.f.cid), 30, 24, 0);
		String quiet = resolved("热水器不出热水");
		String reopened = resolved("灯还是不亮");
		act("resa", reopened, "reopen", Map.of("reason", "还是不亮"));

		this.autoClose.run();
		move(Duration.ofHours(23));
		this.autoClose.run();
		assertThat(order(quiet).get("status").asString()).isEqualTo("RESOLVED");

		move(Duration.ofHours(2));
		this.autoClose.run();
		this.autoClose.run();
		JsonNode closed = order(quiet);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("rating").isNull() || closed.path("rating").isMissingNode()).isTrue();
		assertThat(actions(closed)).containsExactly("FILE", "ACKNOWLEDGE", "ASSIGN", "START", "RESOLVE", "AUTO_CLOSE");
		JsonNode last = closed.get("history").get(5);
		assertThat(last.get("actor").asString()).isEqualTo("system");
		assertThat(last.get("fromStatus").asString()).isEqualTo("RESOLVED");
		assertThat(last.get("toStatus").asString()).isEqualTo("CLOSED");

		JsonNode back = order(reopened);
		assertThat(back.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(actions(back)).doesNotContain("AUTO_CLOSE");

		// the resident hears of it once, however often the job ran
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(autoClosedNotices(quiet)).isEqualTo(1));
		move(Duration.ofHours(30));
		this.autoClose.run();
		assertThat(actions(order(quiet))).filteredOn("AUTO_CLOSE"::equals).hasSize(1);
		assertThat(autoClosedNotices(quiet)).isEqualTo(1);
		assertThat(autoClosedNotices(reopened)).isZero();
	}

	private void move(Duration amount) {
		((MovableClock) this.clock).advance(amount);
	}

	private String resolved(String text) throws Exception {
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "REPAIR", "category", "ELECTRICAL", "level", "NORMAL", "roomId",
					this.f.roomA, "description", text))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		act("desk", id, "acknowledge", null);
		act("desk", id, "assign", Map.of("technicianId", this.f.tech1.toString()));
		act("tech1", id, "start", null);
		act("tech1", id, "resolve", Map.of("note", "已修好"));
		return id;
	}

	private void act(String who, String id, String action, Map<String, ?> body) throws Exception {
		var request = bearer(post("/api/v1/work-orders/{id}/" + action, id), this.f.token(who));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		this.mvc.perform(request).andExpect(status().isOk());
	}

	private JsonNode order(String id) throws Exception {
		return Api.body(this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", id), fresh("desk")))
			.andExpect(status().isOk()).andReturn());
	}

	/** A token signed at the moved clock's now: those cached by the fixture expire as the clock moves days on. */
	private String fresh(String who) throws Exception {
		return Api.token(this.mvc, this.f.user(who), WorkOrderFixture.PASSWORD);
	}

	private static List<String> actions(JsonNode order) {
		List<String> actions = new java.util.ArrayList<>();
		order.get("history").forEach(step -> actions.add(step.get("action").asString()));
		return actions;
	}

	private long autoClosedNotices(String id) throws Exception {
		JsonNode inbox = Api.body(this.mvc.perform(bearer(get("/api/v1/notifications").param("size", "200"),
				fresh("resa"))).andExpect(status().isOk()).andReturn());
		long count = 0;
		for (JsonNode notice : inbox.get("content")) {
			if (notice.get("link").asString().endsWith(id) && notice.get("title").asString().contains("自动关闭")) {
				count++;
			}
		}
		return count;
	}

}
