package org.linli.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.shared.time.MovableClock;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Payment plans (分期缴费) with tracked instalments: payments fill them in order, an unpaid instalment becomes overdue
 * as the clock moves and shows on the arrears page (and can be reminded), a plan is cancelled with a reason
 * (audited), and a resident sees only their own household's plan.
 */
@LinliIntegrationTest
class PaymentPlanIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	BillingApi billing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	BillingFixture f;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.f = BillingFixture.create(this.registry, this.identity);
		this.staff = Api.token(this.mvc, this.f.staff());
		this.billing.createFeeItem(this.f.communityId(), new BillingApi.NewFeeItem("PROP", "物业费", "AREA_RATE",
				"MONTH", Money.ofYuan("1.50"), null, LocalDate.of(2024, 1, 1)));
		this.billing.runBills(this.f.communityId(), BillingFixture.MONTH, "test");
	}

	@AfterEach
	void realTime() {
		((MovableClock) this.clock).reset();
	}

	@Test
	void paymentsFillInstalmentsInOrderAndAnUnpaidOneBecomesOverdue() throws Exception {
		UUID cid = this.f.communityId();
		String plan = agree(this.f.room101(), 4, LocalDate.now(this.clock).plusDays(5));
		// 132.75 yuan in four: the remainder fen on the first instalments
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), this.staff))
			.andExpect(jsonPath("$.totalFen").value(13275))
			.andExpect(jsonPath("$.schedule[*].amountFen").value(org.hamcrest.Matchers.contains(3319, 3319, 3319, 3318)))
			.andExpect(jsonPath("$.schedule[*].state").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is("DUE"))));
		this.billing.recordOfflinePayment(cid, this.f.room101(), Money.ofFen(5000), "CASH", null, "test");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), this.staff))
			.andExpect(jsonPath("$.paidFen").value(5000))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.schedule[*].paidFen").value(org.hamcrest.Matchers.contains(3319, 1681, 0, 0)))
			.andExpect(jsonPath("$.schedule[*].state").value(org.hamcrest.Matchers.contains("PAID", "PARTLY_PAID",
					"DUE", "DUE")))
			.andExpect(jsonPath("$.overdueFen").value(0));
		// forty days later the second instalment (due 35 or 36 days after today) is overdue for what it lacks
		((MovableClock) this.clock).advance(Duration.ofDays(40));
		this.staff = Api.token(this.mvc, this.f.staff());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), this.staff))
			.andExpect(jsonPath("$.schedule[*].state").value(org.hamcrest.Matchers.contains("PAID", "OVERDUE",
					"DUE", "DUE")))
			.andExpect(jsonPath("$.overdueFen").value(1638));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/arrears", cid), this.staff))
			.andExpect(jsonPath("$.rooms[?(@.roomId == '" + this.f.room101() + "')].planOverdueFen").value(1638))
			.andExpect(jsonPath("$.rooms[?(@.roomId == '" + this.f.room102() + "')].planOverdueFen").value(0));
		MockHttpSession desk = Pages.signIn(this.mvc, this.f.staff()).session();
		String base = "/console/communities/" + cid + "/billing";
		assertThat(page(desk, base + "/arrears")).contains("分期逾期 16.38 元");
		assertThat(page(desk, base + "/payment-plans?status=ACTIVE")).contains("16.38").contains("1号楼 1-101");
		assertThat(page(desk, base + "/payment-plans/" + plan)).contains("已逾期").contains("未到期").contains("已缴清");
		// the overdue instalment triggers the existing reminder
		this.mvc.perform(post(base + "/rooms/" + this.f.room101() + "/reminders").session(desk).with(csrf()))
			.andExpect(redirectedUrl(base + "/arrears"));
		assertThat(this.jdbc.sql("select count(*) from billing.reminder where community_id = :c and room_id = :r")
			.param("c", cid).param("r", this.f.room101()).query(Long.class).single()).isEqualTo(1);
		// paying the rest completes the plan
		this.billing.recordOfflinePayment(cid, this.f.room101(), Money.ofFen(8275), "CASH", null, "test");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), this.staff))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.paidFen").value(13275))
			.andExpect(jsonPath("$.overdueFen").value(0))
			.andExpect(jsonPath("$.endedAt").isNotEmpty());
	}

	@Test
	void aPlanIsCancelledWithAReasonOnceAndAudited() throws Exception {
		UUID cid = this.f.communityId();
		String plan = agree(this.f.room102(), 2, LocalDate.now(this.clock));
		MockHttpSession desk = Pages.signIn(this.mvc, this.f.staff()).session();
		String base = "/console/communities/" + cid + "/billing/payment-plans/" + plan;
		// no reason: refused with a field error, still active
		this.mvc.perform(post(base + "/cancel").session(desk).with(csrf()).param("reason", " ").param("version", "0"))
			.andExpect(redirectedUrl(base));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), this.staff))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		// a stale version is refused
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/payment-plans/{pid}/cancel", cid, plan), this.staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("reason", "住户搬离", "version", 7))))
			.andExpect(status().isConflict());
		this.mvc.perform(post(base + "/cancel").session(desk).with(csrf()).param("reason", "住户一次付清意向变更")
			.param("version", "0")).andExpect(redirectedUrl(base));
		assertThat(page(desk, base)).contains("已取消").contains("住户一次付清意向变更");
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/payment-plans/{pid}/cancel", cid, plan), this.staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("reason", "再次取消"))))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'PAYMENT_PLAN_CANCELLED' "
				+ "and object = :o and account = :a").param("o", "paymentPlan/" + plan).param("a", this.f.staff())
			.query(Long.class).single()).isEqualTo(1);
		// a new plan may be agreed once the old one is cancelled
		agree(this.f.room102(), 3, LocalDate.now(this.clock));
	}

	@Test
	void aResidentSeesTheirOwnPlanOnlyAlsoInElderlyMode() throws Exception {
		UUID cid = this.f.communityId();
		String plan = agree(this.f.room101(), 3, LocalDate.now(this.clock).plusDays(1));
		MockHttpSession owner = Pages.signIn(this.mvc, this.f.resident101()).session();
		this.mvc.perform(post("/preferences/elderly").session(owner).with(csrf()).param("on", "true"));
		assertThat(page(owner, "/app/billing")).contains("elderly").contains("id=\"my-plan\"").contains("第1期")
			.contains("44.25");
		MockHttpSession neighbour = Pages.signIn(this.mvc, this.f.resident102()).session();
		assertThat(page(neighbour, "/app/billing")).doesNotContain("my-plan").doesNotContain("第1期");
		this.mvc.perform(get("/console/communities/" + cid + "/billing/payment-plans/" + plan).session(neighbour))
			.andExpect(status().isForbidden());
		String token = Api.token(this.mvc, this.f.resident102());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans/{pid}", cid, plan), token))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payment-plans", cid), token))
			.andExpect(status().isForbidden());
	}

	private String agree(UUID room, int instalments, LocalDate firstDue) throws Exception {
		return Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/payment-plans",
				this.f.communityId(), room), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("instalments", instalments, "firstDue", firstDue.toString()))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

}
