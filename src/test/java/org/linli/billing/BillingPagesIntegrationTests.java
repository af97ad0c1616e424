package org.linli.billing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing pages by role: the cashier's desk for property staff, figures for the street office, and the resident's
 * bills with the simulated checkout (also in elderly mode); the demo compound's collection is realistic.
 */
@LinliIntegrationTest
class BillingPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BillingApi billing;

	@Test
	void staffWorkTheDeskFromPreviewToReceipt() throws Exception {
		BillingFixture f = BillingFixture.create(this.registry, this.identity);
		UUID cid = f.communityId();
		MockHttpSession staff = Pages.signIn(this.mvc, f.staff()).session();
		String base = "/console/communities/" + cid + "/billing";
		this.mvc.perform(post(base + "/fee-items").session(staff).with(csrf()).param("code", "PROP")
			.param("name", "物业费").param("kind", "AREA_RATE").param("cycle", "MONTH").param("price", "1.50")
			.param("effectiveFrom", "2024-01-01")).andExpect(redirectedUrl(base + "/fee-items"));
		this.mvc.perform(post(base + "/fee-items").session(staff).with(csrf()).param("code", "PROP")
			.param("name", "重复").param("kind", "AREA_RATE").param("price", "1.5x"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(staff, base + "/fee-items")).contains("物业费").contains("元/㎡·月");
		String preview = page(staff, base + "/runs?period=2025-03");
		assertThat(preview).contains("run-preview").contains("186.01");
		assertThat(count(cid)).isZero();
		this.mvc.perform(post(base + "/runs").session(staff).with(csrf()).param("period", "2025-03"))
			.andExpect(redirectedUrl(base + "/runs"));
		assertThat(count(cid)).isEqualTo(2);
		assertThat(page(staff, base + "/rooms?q=1号楼")).contains("1-101").contains("1-102");
		var result = this.mvc.perform(post(base + "/rooms/" + f.room101() + "/payments").session(staff).with(csrf())
			.param("amount", "132.75").param("channel", "CASH")).andReturn();
		String receiptId = result.getFlashMap().get("receiptId").toString();
		String receipt = page(staff, base + "/receipts/" + receiptId);
		assertThat(receipt).contains("receipt-number").contains("132.75").contains("现金");
		assertThat(page(staff, base + "/rooms/" + f.room101())).contains("已缴清").contains(receiptId);
		assertThat(page(staff, base + "/arrears")).contains("1-102");
		var reminded = this.mvc.perform(post(base + "/rooms/" + f.room102() + "/reminders").session(staff).with(csrf()))
			.andExpect(redirectedUrl(base + "/arrears")).andReturn();
		assertThat(page(staff, base + "/reminders/" + reminded.getFlashMap().get("reminderId")))
			.contains("物业费催缴通知书").contains("53.26");
		this.mvc.perform(post(base + "/payments/" + receiptId + "/refunds").session(staff).with(csrf())
			.param("amount", "10.00").param("reason", "多收更正")).andExpect(redirectedUrl(base + "/rooms/" + f.room101()));
		assertThat(page(staff, base + "/refunds")).contains("多收更正").contains("待审批").doesNotContain("/approve");
		String refund = this.jdbc.sql("select id::text from billing.refund where community_id = :c").param("c", cid)
			.query(String.class).single();
		MockHttpSession manager = Pages.signIn(this.mvc, f.manager()).session();
		var approved = this.mvc.perform(post(base + "/refunds/" + refund + "/approve").session(manager).with(csrf()))
			.andExpect(redirectedUrl(base + "/refunds")).andReturn();
		assertThat(approved.getFlashMap().get("saved")).isEqualTo("billing.refund.approved");
		this.mvc.perform(post(base + "/refunds/" + refund + "/approve").session(staff).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(page(manager, base + "/refunds")).contains("已批准");
		assertThat(page(staff, base + "/meters?period=2025-03")).contains("water-loss");
		assertThat(page(staff, base)).contains("trend-chart").contains("echarts");
	}

	@Test
	void streetOfficersCompareCompoundsButKeepNoBooks() throws Exception {
		MockHttpSession street = Pages.signIn(this.mvc, "street").session();
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		assertThat(page(street, "/console/billing")).contains("幸福里小区").contains("compounds-chart");
		assertThat(page(street, "/console/communities/" + xingfuli + "/billing")).contains("collection-rate");
		this.mvc.perform(get("/console/communities/" + xingfuli + "/billing/fee-items").session(street))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/communities/" + xingfuli + "/billing/arrears").session(street))
			.andExpect(status().isForbidden());
		MockHttpSession tech = Pages.signIn(this.mvc, "tech").session();
		this.mvc.perform(get("/console/billing").session(tech)).andExpect(status().isForbidden());
	}

	@Test
	void theDemoCompoundCollectsAboutNinetyPercent() throws Exception {
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		String manager = Api.token(this.mvc, "manager");
		String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		var body = Api.body(this.mvc.perform(bearer(get("/api/v1/communities/{cid}/collection-rate", xingfuli)
			.param("period", last), manager)).andExpect(status().isOk()).andReturn());
		assertThat(body.get("rate").asDouble()).isBetween(0.80, 0.95);
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/water-loss", xingfuli).param("period", last), manager))
			.andExpect(jsonPath("$.areas.length()").value(3));
	}

	@Test
	void residentsPayTheirOwnBillsThroughTheSimulatedProviderAlsoInElderlyMode() throws Exception {
		BillingFixture f = BillingFixture.create(this.registry, this.identity);
		this.billing.createFeeItem(f.communityId(), new BillingApi.NewFeeItem("PROP", "物业费", "AREA_RATE", "MONTH",
				Money.ofYuan("1.50"), null, java.time.LocalDate.of(2024, 1, 1)));
		this.billing.runBills(f.communityId(), BillingFixture.MONTH, "test");
		MockHttpSession resident = Pages.signIn(this.mvc, f.resident101()).session();
		this.mvc.perform(post("/preferences/elderly").session(resident).with(csrf()).param("on", "true"));
		String bills = page(resident, "/app/billing");
		assertThat(bills).contains("elderly").contains("132.75").contains("pay-online");
		String checkout = this.mvc.perform(post("/app/billing/pay").session(resident).with(csrf()))
			.andExpect(redirectedUrlPattern("/app/billing/checkout/ON*")).andReturn().getResponse().getRedirectedUrl();
		assertThat(page(resident, checkout)).contains("模拟支付").contains("132.75");
		String receipt = this.mvc.perform(post(checkout).session(resident).with(csrf()).param("success", "true"))
			.andExpect(redirectedUrlPattern("/app/billing/receipts/*")).andReturn().getResponse().getRedirectedUrl();
		assertThat(page(resident, receipt)).contains("132.75");
		assertThat(page(resident, "/app/billing")).contains("已全部缴清");
		// another household's checkout and receipt are not found for this resident
		MockHttpSession other = Pages.signIn(this.mvc, f.resident102()).session();
		this.mvc.perform(get(checkout).session(other)).andExpect(status().isNotFound());
		this.mvc.perform(get(receipt).session(other)).andExpect(status().isNotFound());
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private long count(UUID cid) {
		return this.jdbc.sql("select count(*) from billing.bill where community_id = :c").param("c", cid)
			.query(Long.class).single();
	}

}
