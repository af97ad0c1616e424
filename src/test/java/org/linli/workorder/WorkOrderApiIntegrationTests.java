package org.linli.workorder;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The work-order contract of API.md and the flow through the API, with its refusals. */
@LinliIntegrationTest
class WorkOrderApiIntegrationTests {

	private static final String OFFSET_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00";

	@Autowired
	private JdbcClient jdbc;

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
	void categoriesAreSeededWithTheFifteenMinuteAndFourHourDefaults() throws Exception {
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-categories", this.f.cid), this.f.token("resa")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'PLUMBING')].name").value(hasItem("给排水维修")))
			.andExpect(jsonPath("$[?(@.code == 'PLUMBING')].kind").value(hasItem("REPAIR")))
			.andExpect(jsonPath("$[?(@.code == 'PLUMBING')].acknowledgeMinutes").value(hasItem(15)))
			.andExpect(jsonPath("$[?(@.code == 'PLUMBING')].resolveMinutes").value(hasItem(240)))
			.andExpect(jsonPath("$[?(@.code == 'NOISE')].kind").value(hasItem("COMPLAINT")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-categories", this.f.cid), Api.token(this.mvc, "resident")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aResidentFilesForTheirOwnRoomByDefaultAndFollowsTheWholeFlow() throws Exception {
		JsonNode created = Api.body(file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL",
				"description", "厨房水龙头漏水"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.roomId").value(this.f.roomA))
			.andExpect(jsonPath("$.createdAt").value(matchesPattern(OFFSET_TIME)))
			.andExpect(jsonPath("$.acknowledgeBy").value(matchesPattern(OFFSET_TIME)))
			.andExpect(jsonPath("$.resolveBy").value(matchesPattern(OFFSET_TIME)))
			.andReturn());
		assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "status", "createdAt", "acknowledgeBy",
				"resolveBy", "roomId");
		var createdAt = java.time.OffsetDateTime.parse(created.get("createdAt").asString());
		assertThat(java.time.OffsetDateTime.parse(created.get("acknowledgeBy").asString()))
			.isEqualTo(createdAt.plusMinutes(15));
		assertThat(java.time.OffsetDateTime.parse(created.get("resolveBy").asString())).isEqualTo(createdAt.plusHours(4));
		String id = created.get("id").asString();

		// the resident cannot acknowledge, and nobody can resolve what nobody started
		act("resa", id, "acknowledge", null).andExpect(status().isForbidden());
		act("desk", id, "resolve", Map.of()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SUBMITTED")));
		act("desk", id, "assign", Map.of("technicianId", this.f.tech1.toString())).andExpect(status().isConflict());

		act("desk", id, "acknowledge", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
		act("desk", id, "acknowledge", null).andExpect(status().isConflict());
		act("desk", id, "assign", Map.of("technicianId", this.f.tech1.toString())).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ASSIGNED"))
			.andExpect(jsonPath("$.assignee.id").value(this.f.tech1.toString()));
		act("tech2", id, "start", null).andExpect(status().isNotFound());
		act("tech1", id, "start", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		act("tech1", id, "resolve", Map.of("note", "更换阀芯", "materials", "阀芯 1 个", "feeFen", 3500))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.feeFen").value(3500));
		act("resb", id, "confirm", Map.of("rating", 5)).andExpect(status().isNotFound());
		act("resa", id, "confirm", Map.of("rating", 2, "comment", "来得太慢")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.rating").value(2))
			.andExpect(jsonPath("$.returnVisitNeeded").value(true));
		act("desk", id, "return-visit", Map.of("note", "已电话回访，住户接受道歉")).andExpect(status().isOk())
			.andExpect(jsonPath("$.returnVisitNeeded").value(false));
		act("desk", id, "return-visit", Map.of("note", "再次回访")).andExpect(status().isConflict());

		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", id), this.f.token("resa")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains("FILE", "ACKNOWLEDGE",
					"ASSIGN", "START", "RESOLVE", "CONFIRM", "RETURN_VISIT")))
			.andExpect(jsonPath("$.history[1].actor").value(this.f.user("desk")))
			.andExpect(jsonPath("$.history[3].actor").value(this.f.user("tech1")))
			.andExpect(jsonPath("$.history[*].at").value(org.hamcrest.Matchers.everyItem(matchesPattern(OFFSET_TIME))));
	}

	@Test
	void invalidInputAnswers400WithTheFieldsAtFault() throws Exception {
		file("resa", Map.of("kind", "PRAISE", "category", "NOISE", "level", "SOON", "description", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("kind", "level", "description")));
		file("resa", Map.of("kind", "REPAIR", "category", "NOISE", "level", "NORMAL", "description", "楼上太吵"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"))
			.andExpect(jsonPath("$.errors[0].message").value("请选择与类型相符的类别"));
		file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL", "description", "漏水",
				"roomId", this.f.roomB))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roomId"));
		file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL", "description", "漏水",
				"roomId", "not-an-id"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roomId"));
		String id = Api.body(file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL",
				"description", "漏水")).andReturn()).get("id").asString();
		act("desk", id, "acknowledge", null);
		act("desk", id, "assign", Map.of("technicianId", this.f.tech1.toString()));
		act("tech1", id, "start", null);
		act("tech1", id, "resolve", Map.of("feeFen", -1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("feeFen"));
		act("tech1", id, "resolve", Map.of());
		act("resa", id, "confirm", Map.of("rating", 6)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rating"));
	}

	@Test
	void residentsNeverSeeOtherResidentsOrders() throws Exception {
		String mine = Api.body(file("resa", Map.of("kind", "COMPLAINT", "category", "NOISE", "level", "NORMAL",
				"description", "楼上夜间装修噪音"))
			.andReturn()).get("id").asString();
		String repair = Api.body(file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "URGENT",
				"description", "卫生间漏水")).andReturn()).get("id").asString();
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", mine), this.f.token("resb")))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", repair), this.f.token("resb")))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", mine), Api.token(this.mvc, "resident")))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token("resb")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(0));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token("resa")))
			.andExpect(jsonPath("$.page.totalElements").value(2));
		// complaints are for the desk, not for the committee; repairs are
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", mine), this.f.token("committee")))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", repair), this.f.token("committee")))
			.andExpect(status().isOk());
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", mine), this.f.token("desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("COMPLAINT"));
	}

	@Test
	void theDeskFilesForAResidentWhoPhonedRecordedAsAssisted() throws Exception {
		JsonNode created = Api.body(file("desk", Map.of("kind", "REPAIR", "category", "ELECTRICAL", "level",
				"EMERGENCY", "roomId", this.f.roomB, "reporterPersonId", this.f.personB.toString(), "description",
				"住户来电：家中跳闸停电", "contact", "来电"))
			.andExpect(status().isCreated())
			.andReturn());
		// emergency: the stricter of category (15 min / 4 h) and level (5 min / 1 h)
		var createdAt = java.time.OffsetDateTime.parse(created.get("createdAt").asString());
		assertThat(java.time.OffsetDateTime.parse(created.get("acknowledgeBy").asString()))
			.isEqualTo(createdAt.plusMinutes(5));
		assertThat(java.time.OffsetDateTime.parse(created.get("resolveBy").asString())).isEqualTo(createdAt.plusHours(1));
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", created.get("id").asString()), this.f.token("resb")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channel").value("ASSISTED"))
			.andExpect(jsonPath("$.history[0].note").value("ASSISTED"))
			.andExpect(jsonPath("$.history[0].actor").value(this.f.user("desk")));
		file("desk", Map.of("kind", "REPAIR", "category", "ELECTRICAL", "level", "NORMAL", "description", "没说哪里"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roomId"));
		file("tech1", Map.of("kind", "REPAIR", "category", "ELECTRICAL", "level", "NORMAL", "roomId", this.f.roomB,
				"description", "技师不受理报修")).andExpect(status().isForbidden());
	}

	@Test
	void automaticDispatchPicksTheSkilledTechnicianWithTheLeastLoad() throws Exception {
		String boss = this.f.token("boss");
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/communities/{cid}/technicians/{id}/skills", this.f.cid, this.f.tech2), boss)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("skills", java.util.List.of("plumbing")))))
			.andExpect(status().isOk());
		for (int i = 0; i < 2; i++) {
			String id = Api.body(file("resa", Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL",
					"description", "漏水 " + i)).andReturn()).get("id").asString();
			act("desk", id, "acknowledge", null);
			// both plumbing orders go to the only plumber, whatever the load
			act("desk", id, "assign", null).andExpect(jsonPath("$.assignee.id").value(this.f.tech2.toString()));
		}
		String door = Api.body(file("resa", Map.of("kind", "REPAIR", "category", "DOOR_LOCK", "level", "NORMAL",
				"description", "门锁坏了")).andReturn()).get("id").asString();
		act("desk", door, "acknowledge", null);
		// nobody has the carpentry skill: everyone qualifies, the least loaded wins
		act("desk", door, "assign", null).andExpect(jsonPath("$.assignee.id").value(this.f.tech1.toString()));
	}

	@Test
	void aProblemReportedByScanningAnAssetLabelBecomesARepairOrderOnce() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		JsonNode asset = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/assets", this.f.cid), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("type", "ELEVATOR", "name", "1号楼电梯", "location", "1号楼1单元"))))
			.andExpect(status().isCreated()).andReturn());
		this.mvc.perform(post("/public/assets/{code}/reports", asset.get("code").asString())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("description", "电梯按键失灵"))
			.andExpect(status().isOk());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> this.mvc
			.perform(bearer(get("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token("desk")))
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].channel").value("QR_SCAN"))
			.andExpect(jsonPath("$.content[0].category").value("ELEVATOR"))
			.andExpect(jsonPath("$.content[0].assetId").value(asset.get("id").asString()))
			.andExpect(jsonPath("$.content[0].description").value("电梯按键失灵")));
		// the registry's report list shows it handled, pointing at the order
		String order = Api.body(this.mvc
			.perform(bearer(get("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token("desk")))
			.andReturn()).get("content").get(0).get("id").asString();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select status || ' ' || work_order_id from registry.asset_report where asset_id = :a")
				.param("a", UUID.fromString(asset.get("id").asString()))
				.query(String.class)
				.single()).isEqualTo("HANDLED " + order));
	}

	private ResultActions file(String who, Map<String, ?> body) throws Exception {
		return this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token(who))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)));
	}

	private ResultActions act(String who, String id, String action, Map<String, ?> body) throws Exception {
		var request = bearer(post("/api/v1/work-orders/{id}/" + action, id), this.f.token(who));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

}
