package org.linli.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console page for one period's bill run over several compounds (preview, confirm, result per compound, only
 * compounds the account serves), and monthly parking subscriptions charged by the bill run.
 */
@LinliIntegrationTest
class RunManyAndParkingIntegrationTests {

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

	@Test
	void staffServingSeveralCompoundsPreviewThenRunThemTogether() throws Exception {
		BillingFixture one = compound();
		BillingFixture two = compound();
		BillingFixture other = compound();
		String name = "multi-" + UUID.randomUUID().toString().substring(0, 8);
		this.identity.createAccount(new NewAccount(name, Api.DEMO_PASSWORD, "片区收费员", Set.of(Role.PROPERTY_STAFF),
				Set.of(one.communityId(), two.communityId()), null, false, true));
		MockHttpSession staff = Pages.signIn(this.mvc, name).session();
		String page = page(staff, "/console/billing/runs");
		assertThat(page).contains(compoundName(one)).contains(compoundName(two)).doesNotContain(compoundName(other));
		assertThat(page(staff, "/console/billing")).contains("run-many-link");
		// the preview per compound writes nothing
		String preview = this.mvc.perform(get("/console/billing/runs").session(staff).param("period", "2025-03")
			.param("communityIds", one.communityId().toString(), two.communityId().toString()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("run-many-preview").contains("186.01").contains("372.02");
		assertThat(bills(one.communityId()) + bills(two.communityId())).isZero();
		// a compound outside the account's scope refuses the whole run
		this.mvc.perform(post("/console/billing/runs").session(staff).with(csrf()).param("period", "2025-03")
			.param("communityIds", one.communityId().toString(), other.communityId().toString()))
			.andExpect(status().isForbidden());
		assertThat(bills(one.communityId())).isZero();
		MvcResult run = this.mvc.perform(post("/console/billing/runs").session(staff).with(csrf())
			.param("period", "2025-03")
			.param("communityIds", one.communityId().toString(), two.communityId().toString()))
			.andExpect(redirectedUrl("/console/billing/runs")).andReturn();
		List<?> results = (List<?>) run.getFlashMap().get("results");
		assertThat(results).hasSize(2);
		assertThat(bills(one.communityId())).isEqualTo(2);
		assertThat(bills(two.communityId())).isEqualTo(2);
		String shown = this.mvc.perform(get("/console/billing/runs").session(staff).flashAttrs(run.getFlashMap()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("run-many-result").contains(compoundName(one)).contains("186.01");
		// again: nothing new, same counts
		MvcResult again = this.mvc.perform(post("/console/billing/runs").session(staff).with(csrf())
			.param("period", "2025-03")
			.param("communityIds", one.communityId().toString(), two.communityId().toString()))
			.andReturn();
		assertThat(again.getFlashMap().get("results").toString()).contains("created=0").contains("bills=2");
		assertThat(bills(one.communityId())).isEqualTo(2);
		// staff of one compound see only theirs; residents not at all
		MockHttpSession single = Pages.signIn(this.mvc, other.staff()).session();
		assertThat(page(single, "/console/billing/runs")).contains(compoundName(other))
			.doesNotContain(compoundName(one));
		this.mvc.perform(post("/console/billing/runs").session(single).with(csrf()).param("period", "2025-04")
			.param("communityIds", one.communityId().toString())).andExpect(status().isForbidden());
		MockHttpSession resident = Pages.signIn(this.mvc, one.resident101()).session();
		this.mvc.perform(get("/console/billing/runs").session(resident)).andExpect(status().isForbidden());
	}

	@Test
	void parkingSubscriptionsAreChargedByTheRunProratedBySpace() throws Exception {
		BillingFixture f = compound();
		UUID cid = f.communityId();
		UUID item = this.billing.createFeeItem(cid, new BillingApi.NewFeeItem("PARK", "月租车位费", "PARKING", "MONTH",
				Money.ofYuan("150.00"), null, LocalDate.of(2024, 1, 1)));
		MockHttpSession desk = Pages.signIn(this.mvc, f.staff()).session();
		String base = "/console/communities/" + cid + "/billing/parking";
		this.mvc.perform(post(base).session(desk).with(csrf()).param("room", "1号楼 1-101").param("plate", "京A 12345")
			.param("space", "B-001").param("feeItemId", item.toString()).param("since", "2025-03-16"))
			.andExpect(redirectedUrl(base));
		String staff = Api.token(this.mvc, f.staff());
		String second = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parking-subscriptions", cid),
				staff).contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("roomId", f.room101().toString(),
						"feeItemId", item.toString(), "plate", "京B67890", "space", "B-002", "since", "2025-03-01"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		// room 102 has lived there since the 16th: its space is billed from then
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parking-subscriptions", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("roomId", f.room102().toString(),
					"feeItemId", item.toString(), "plate", "京C11111", "space", "B-003", "since", "2025-03-01"))))
			.andExpect(status().isCreated());
		// a space already rented is refused, on the page and through the API
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parking-subscriptions", cid), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("roomId", f.room102().toString(),
					"feeItemId", item.toString(), "plate", "京D22222", "space", "B-001", "since", "2025-05-01"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("space"));
		this.mvc.perform(post(base).session(desk).with(csrf()).param("room", "1号楼 1-999").param("plate", "京E33333")
			.param("space", "B-009").param("feeItemId", item.toString()).param("since", "2025-03-01"))
			.andExpect(redirectedUrl(base));
		assertThat(page(desk, base)).contains("京A12345").contains("B-002").contains("B-003").doesNotContain("京E33333")
			.contains("150.00");
		this.billing.runBills(cid, "2025-03", "test");
		// 150 yuan x (16 + 31 days) / 31 = 227.42 in one bill for room 101; 150 x 16 / 31 = 77.42 for room 102
		assertThat(parkingBill(cid, f.room101(), "2025-03", item)).isEqualTo(22742);
		assertThat(parkingBill(cid, f.room102(), "2025-03", item)).isEqualTo(7742);
		// ending space B-002 on 10 April: April is 150 x 10 / 30 + 150
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parking-subscriptions/{id}/end", cid, second), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("until", "2025-04-10", "version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.until").value("2025-04-10"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parking-subscriptions/{id}/end", cid, second), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("until", "2025-04-20"))))
			.andExpect(status().isConflict());
		this.billing.runBills(cid, "2025-04", "test");
		assertThat(parkingBill(cid, f.room101(), "2025-04", item)).isEqualTo(20000);
		// in May only B-001 is left
		this.billing.runBills(cid, "2025-05", "test");
		assertThat(parkingBill(cid, f.room101(), "2025-05", item)).isEqualTo(15000);
		assertThat(page(desk, base)).doesNotContain("B-002");
		assertThat(page(desk, base + "?all=true")).contains("B-002").contains("2025-04-10");
		// residents do not manage parking subscriptions
		MockHttpSession resident = Pages.signIn(this.mvc, f.resident101()).session();
		this.mvc.perform(get(base).session(resident)).andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parking-subscriptions", cid),
				Api.token(this.mvc, f.resident101()))).andExpect(status().isForbidden());
	}

	@Test
	void theProjectionIsReReadOnlyWhenTheRegistryCounterMoved() throws Exception {
		BillingFixture f = compound();
		UUID cid = f.communityId();
		this.billing.runBills(cid, "2025-03", "test");
		long before = this.registry.billableVersions(List.of(cid)).get(cid);
		// billing's own work does not move the registry's counter
		this.billing.runBills(cid, "2025-03", "test");
		assertThat(this.registry.billableVersions(List.of(cid)).get(cid)).isEqualTo(before);
		// spoil billing's copy of room 101: with the registry unchanged, the next run does not re-read it ...
		this.jdbc.sql("update billing.billable_room set area = 1.00 where community_id = :c and room_id = :r")
			.param("c", cid).param("r", f.room101()).update();
		this.billing.runBills(cid, "2025-04", "test");
		assertThat(bill(cid, f.room101(), "2025-04")).isEqualTo(150);
		// ... a registry change anywhere in the compound moves the counter, and the next run re-reads every room
		UUID person = this.registry.occupants(cid, f.room102()).getFirst().personId();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/persons/{id}/move-out", cid, person),
				Api.token(this.mvc, f.staff())).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("until", "2025-04-10"))))
			.andExpect(status().isOk());
		assertThat(this.registry.billableVersions(List.of(cid)).get(cid)).isGreaterThan(before);
		this.billing.runBills(cid, "2025-05", "test");
		assertThat(bill(cid, f.room101(), "2025-05")).isEqualTo(13275);
	}

	private long bill(UUID cid, UUID room, String period) {
		return this.jdbc.sql("select amount_fen from billing.bill where community_id = :c and room_id = :r "
				+ "and period = :p").param("c", cid).param("r", room).param("p", period).query(Long.class).single();
	}

	private BillingFixture compound() {
		BillingFixture f = BillingFixture.create(this.registry, this.identity);
		this.billing.createFeeItem(f.communityId(), new BillingApi.NewFeeItem("PROP", "物业费", "AREA_RATE", "MONTH",
				Money.ofYuan("1.50"), null, LocalDate.of(2024, 1, 1)));
		return f;
	}

	private String compoundName(BillingFixture f) {
		return this.registry.summaries(List.of(f.communityId())).getFirst().name();
	}

	private long bills(UUID cid) {
		return this.jdbc.sql("select count(*) from billing.bill where community_id = :c").param("c", cid)
			.query(Long.class).single();
	}

	private long parkingBill(UUID cid, UUID room, String period, UUID item) {
		return this.jdbc.sql("select amount_fen from billing.bill where community_id = :c and room_id = :r "
				+ "and period = :p and fee_item_id = :i").param("c", cid).param("r", room).param("p", period)
			.param("i", item).query(Long.class).single();
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

}
