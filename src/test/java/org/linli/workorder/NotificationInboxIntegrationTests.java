package org.linli.workorder;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox, fed by work-order events: each account sees only its own notices, with the unread count in the header. */
@LinliIntegrationTest
class NotificationInboxIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityApi identity;

	WorkOrderFixture f;

	@BeforeEach
	void compound() throws Exception {
		this.f = new WorkOrderFixture(this.mvc, this.identity);
	}

	@Test
	void workOrderStepsReachTheDeskTheTechnicianAndTheResidentOnly() throws Exception {
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "REPAIR", "category", "ELECTRICAL", "level", "NORMAL", "description",
					"客厅插座没电")))).andReturn()).get("id").asString();
		String number = id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		eventually(() -> assertThat(unread("desk")).isEqualTo(1));
		act("desk", id, "acknowledge", null);
		act("desk", id, "assign", Map.of("technicianId", this.f.tech1.toString()));
		eventually(() -> assertThat(unread("tech1")).isEqualTo(1));
		eventually(() -> assertThat(unread("tech2")).isZero());
		eventually(() -> assertThat(unread("resa")).isEqualTo(2));
		this.mvc.perform(bearer(get("/api/v1/notifications"), this.f.token("resa")))
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.content[1].title").value("您的报事 " + number + " 已受理"))
			.andExpect(jsonPath("$.content[0].link").value("/app/work-orders/" + id));
		eventually(() -> assertThat(unread("resb")).isZero());
		eventually(() -> assertThat(unread("boss")).isZero());

		// marking read is one's own business: another account's notice is not found
		JsonNode inbox = Api.body(this.mvc.perform(bearer(get("/api/v1/notifications"), this.f.token("resa"))).andReturn());
		String notice = inbox.get("content").get(0).get("id").asString();
		this.mvc.perform(bearer(post("/api/v1/notifications/{id}/read", notice), this.f.token("resb")))
			.andExpect(status().isNotFound());
		eventually(() -> assertThat(unread("resa")).isEqualTo(2));

		// in the page header, and opening a notice marks it read and goes to the order
		var session = Pages.signIn(this.mvc, this.f.user("resa"), WorkOrderFixture.PASSWORD).session();
		this.mvc.perform(get("/app/notifications").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inbox-unread\">2<")))
			.andExpect(content().string(containsString("已受理")))
			.andExpect(content().string(not(containsString("新派单"))));
		this.mvc.perform(post("/app/notifications/{id}/read", notice).session(session).with(csrf()))
			.andExpect(redirectedUrl("/app/work-orders/" + id));
		eventually(() -> assertThat(unread("resa")).isEqualTo(1));
		this.mvc.perform(post("/app/notifications/read-all").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		eventually(() -> assertThat(unread("resa")).isZero());
		this.mvc.perform(post("/app/notifications/email").session(session).with(csrf()).param("email", "not-mail"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/app/notifications").session(session))
			.andExpect(content().string(containsString("邮箱格式不正确")));
	}

	/** Notices are written by asynchronous listeners after the change commits: wait for them, within limits. */
	private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(200)).untilAsserted(assertion);
	}

	private long unread(String who) throws Exception {
		return Api.body(this.mvc.perform(bearer(get("/api/v1/notifications/unread-count"), this.f.token(who)))
			.andExpect(status().isOk()).andReturn()).get("unread").asLong();
	}

	private void act(String who, String id, String action, Map<String, ?> body) throws Exception {
		var request = bearer(post("/api/v1/work-orders/{id}/" + action, id), this.f.token(who));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		this.mvc.perform(request).andExpect(status().isOk());
	}

}
