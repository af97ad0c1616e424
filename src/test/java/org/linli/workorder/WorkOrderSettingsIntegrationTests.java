package org.linli.workorder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manager's settings page (targets, levels, escalation delay, automatic closing, skills) with translated errors
 * beside the fields and optimistic locking, and the settings API's changes of targets.
 */
@LinliIntegrationTest
class WorkOrderSettingsIntegrationTests {

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
	void theManagerChangesACategoryTargetAndANewOrderGetsIt() throws Exception {
		MockHttpSession boss = session("boss");
		this.mvc.perform(get("/console/work-orders/settings").param("cid", this.f.cid).session(boss))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("工单设置")))
			.andExpect(content().string(containsString("给排水维修")))
			.andExpect(content().string(containsString("超时多少分钟后通知经理")))
			.andExpect(content().string(containsString(this.f.user("tech1"))));
		saveCategory(boss, "PLUMBING", "10", "90", "PLUMBING", 0).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/work-orders/settings?cid=" + this.f.cid + "&saved=category:PLUMBING"));
		JsonNode created = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL", "description",
					"厨房水管漏水"))))
			.andExpect(status().isCreated()).andReturn());
		OffsetDateTime at = OffsetDateTime.parse(created.get("createdAt").asString());
		assertThat(Duration.between(at, OffsetDateTime.parse(created.get("acknowledgeBy").asString())))
			.isEqualTo(Duration.ofMinutes(10));
		assertThat(Duration.between(at, OffsetDateTime.parse(created.get("resolveBy").asString())))
			.isEqualTo(Duration.ofMinutes(90));

		this.mvc.perform(post("/console/work-orders/settings/levels/URGENT").param("cid", this.f.cid)
			.param("acknowledgeMinutes", "8").param("resolveMinutes", "100").param("version", "0").session(boss)
			.with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/console/work-orders/settings/general").param("cid", this.f.cid)
			.param("managerAfterMinutes", "45").param("autoCloseHours", "48").param("version", "0").session(boss)
			.with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/console/work-orders/settings/technicians/" + this.f.tech1).param("cid", this.f.cid)
			.param("skills", "plumbing，elevator").session(boss).with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/technicians", this.f.cid), this.f.token("boss")))
			.andExpect(jsonPath("$[?(@.id == '" + this.f.tech1 + "')].skills[*]")
				.value(org.hamcrest.Matchers.containsInAnyOrder("ELEVATOR", "PLUMBING")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-levels", this.f.cid), this.f.token("boss")))
			.andExpect(jsonPath("$[?(@.level == 'URGENT')].acknowledgeMinutes").value(8));
		this.mvc.perform(get("/console/work-orders/settings").param("cid", this.f.cid).session(boss))
			.andExpect(content().string(containsString("value=\"45\"")))
			.andExpect(content().string(containsString("value=\"48\"")));
		// the platform administrator may too
		this.mvc.perform(get("/console/work-orders/settings").param("cid", this.f.cid)
			.session(Pages.signIn(this.mvc, "admin").session())).andExpect(status().isOk());
	}

	@Test
	void invalidMinutesComeBackAsTranslatedErrorsBesideTheField() throws Exception {
		MockHttpSession boss = session("boss");
		saveCategory(boss, "ELECTRICAL", "0", "240", "", 0).andExpect(status().isOk())
			.andExpect(content().string(containsString("时限须为 1 分钟至 90 天")));
		saveCategory(boss, "ELECTRICAL", "-5", "240", "", 0).andExpect(status().isOk())
			.andExpect(content().string(containsString("时限须为 1 分钟至 90 天")));
		saveCategory(boss, "ELECTRICAL", "abc", "240", "", 0).andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入整数分钟")))
			.andExpect(content().string(containsString("value=\"abc\"")));
		saveCategory(boss, "ELECTRICAL", "60", "30", "", 0).andExpect(status().isOk())
			.andExpect(content().string(containsString("办结时限不能短于响应时限")));
		this.mvc.perform(post("/console/work-orders/settings/general").param("cid", this.f.cid)
			.param("managerAfterMinutes", "0").param("autoCloseHours", "x").param("version", "0").session(boss)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入 1 到 10080（一周）之间的整数分钟")))
			.andExpect(content().string(containsString("请输入 1 到 2160（90 天）之间的整数小时")));
		// nothing was written
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-categories", this.f.cid),
				this.f.token("boss")))
			.andExpect(jsonPath("$[?(@.code == 'ELECTRICAL')].acknowledgeMinutes").value(15));
	}

	@Test
	void aStaleFormIsRefusedWithAConflictMessageAndShowsTheOtherManagersValues() throws Exception {
		MockHttpSession first = session("boss");
		MockHttpSession second = Pages.signIn(this.mvc, "admin").session();
		saveCategory(first, "ELEVATOR", "12", "100", "ELEVATOR", 0).andExpect(status().is3xxRedirection());
		saveCategory(second, "ELEVATOR", "14", "110", "ELEVATOR", 0).andExpect(status().isOk())
			.andExpect(content().string(containsString("他人刚刚修改了此项设置")))
			.andExpect(content().string(containsString("value=\"100\"")))
			.andExpect(content().string(not(containsString("value=\"110\""))));
		saveCategory(second, "ELEVATOR", "14", "110", "ELEVATOR", 1).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/console/work-orders/settings/general").param("cid", this.f.cid)
			.param("managerAfterMinutes", "40").param("autoCloseHours", "24").param("version", "0").session(first)
			.with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/console/work-orders/settings/general").param("cid", this.f.cid)
			.param("managerAfterMinutes", "50").param("autoCloseHours", "24").param("version", "0").session(second)
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("他人刚刚修改了此项设置")));
	}

	@Test
	void staffTechniciansAndResidentsAreRefused() throws Exception {
		for (String who : new String[] { "desk", "tech1", "resa" }) {
			MockHttpSession session = session(who);
			this.mvc.perform(get("/console/work-orders/settings").param("cid", this.f.cid).session(session))
				.andExpect(status().isForbidden());
			saveCategory(session, "PLUMBING", "1", "2", "", 0).andExpect(status().isForbidden());
			putTargets("/work-order-categories/PLUMBING", who, Map.of("acknowledgeMinutes", 1, "resolveMinutes", 2))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-categories", this.f.cid),
				this.f.token("boss")))
			.andExpect(jsonPath("$[?(@.code == 'PLUMBING')].acknowledgeMinutes").value(15));
	}

	@Test
	void theApiChangesCategoryAndLevelTargetsAndAnswersFieldErrors() throws Exception {
		putTargets("/work-order-categories/APPLIANCE", "boss", Map.of("acknowledgeMinutes", 20, "resolveMinutes", 600,
				"skill", "electrical"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("APPLIANCE"))
			.andExpect(jsonPath("$.acknowledgeMinutes").value(20))
			.andExpect(jsonPath("$.resolveMinutes").value(600))
			.andExpect(jsonPath("$.skill").value("ELECTRICAL"));
		putTargets("/work-order-categories/APPLIANCE", "boss", Map.of("acknowledgeMinutes", 0, "resolveMinutes", 600))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("acknowledgeMinutes"));
		putTargets("/work-order-categories/APPLIANCE", "boss", Map.of("acknowledgeMinutes", 60, "resolveMinutes", 30))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("resolveMinutes"));
		putTargets("/work-order-levels/EMERGENCY", "boss", Map.of("acknowledgeMinutes", 3, "resolveMinutes", 45))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.level == 'EMERGENCY')].acknowledgeMinutes").value(3))
			.andExpect(jsonPath("$[?(@.level == 'EMERGENCY')].resolveMinutes").value(45));
		putTargets("/work-order-levels/EMERGENCY", "boss", Map.of("acknowledgeMinutes", -1, "resolveMinutes", 45))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("acknowledgeMinutes"));
		putTargets("/work-order-levels/SOMETIMES", "boss", Map.of("acknowledgeMinutes", 3, "resolveMinutes", 45))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"));
	}

	private ResultActions saveCategory(MockHttpSession session, String code, String ack, String resolve, String skill,
			int version) throws Exception {
		return this.mvc.perform(post("/console/work-orders/settings/categories/" + code).param("cid", this.f.cid)
			.param("acknowledgeMinutes", ack).param("resolveMinutes", resolve).param("skill", skill)
			.param("version", String.valueOf(version)).session(session).with(csrf()));
	}

	private ResultActions putTargets(String path, String who, Map<String, ?> body) throws Exception {
		return this.mvc.perform(bearer(put("/api/v1/communities/{cid}" + path, this.f.cid), this.f.token(who))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)));
	}

	private MockHttpSession session(String who) throws Exception {
		return Pages.signIn(this.mvc, this.f.user(who), WorkOrderFixture.PASSWORD).session();
	}

}
