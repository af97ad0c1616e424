package org.linli.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.billing.domain.FeeCalculator;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bill runs through the API contract: idempotent re-runs, proration by move-in, rates, reductions, credit notes. */
@LinliIntegrationTest
class BillRunIntegrationTests {

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

	BillingFixture f;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.f = BillingFixture.create(this.registry, this.identity);
		this.staff = Api.token(this.mvc, this.f.staff());
		feeItem(Map.of("code", "PROP", "name", "物业费", "kind", "AREA_RATE", "cycle", "MONTH", "priceFen", 150,
				"effectiveFrom", "2024-01-01"));
		feeItem(Map.of("code", "GARBAGE", "name", "垃圾清运费", "kind", "FIXED", "cycle", "MONTH", "priceFen", 1000,
				"effectiveFrom", "2024-01-01"));
	}

	@Test
	void runningAPeriodTwiceCreatesNoSecondBillAndAnswersTheSameCounts() throws Exception {
		long room101 = FeeCalculator.amount(150, new BigDecimal("88.50"), 1, 31, 31, 0) + 1000;
		long room102 = FeeCalculator.amount(150, new BigDecimal("68.80"), 1, 16, 31, 0)
				+ FeeCalculator.amount(1000, BigDecimal.ONE, 1, 16, 31, 0);
		// 88.50 m2 x 1.50 = 132.75; 68.80 x 1.50 x 16/31 = 53.264516... -> 53.26; 10.00 x 16/31 = 5.161... -> 5.16
		assertThat(room101).isEqualTo(13275 + 1000);
		assertThat(room102).isEqualTo(5326 + 516);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(run(BillingFixture.MONTH))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.period").value(BillingFixture.MONTH))
				.andExpect(jsonPath("$.bills").value(4))
				.andExpect(jsonPath("$.totalFen").value(room101 + room102))
				.andExpect(jsonPath("$.created").value(i == 0 ? 4 : 0));
		}
		assertThat(count("select count(*) from billing.bill where community_id = :c")).isEqualTo(4);
		assertThat(count("select count(*) from billing.bill where community_id = :c and room_id = '"
				+ this.f.room103() + "'")).as("a vacant room is not billed").isZero();
		assertThat(count("select days from billing.bill b join billing.fee_item i on i.id = b.fee_item_id "
				+ "where b.community_id = :c and room_id = '" + this.f.room102() + "' and i.code = 'PROP'"))
			.isEqualTo(16);
	}

	@Test
	void concurrentRunsOfOnePeriodStillMakeOneBillPerRoomAndItem() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 4; i++) {
				futures.add(pool.submit(() -> this.mvc.perform(run("2025-04")).andReturn().getResponse().getStatus()));
			}
			for (var future : futures) {
				assertThat(future.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from billing.bill where community_id = :c and period = '2025-04'"))
			.isEqualTo(4);
	}

	@Test
	void previewWritesNothingAndRatesByUseAndBuildingAndReductionsApply() throws Exception {
		String item = this.jdbc.sql("select id::text from billing.fee_item where community_id = :c and code = 'PROP'")
			.param("c", this.f.communityId()).query(String.class).single();
		String building = this.registry.billableRooms(this.f.communityId()).getFirst().buildingId().toString();
		this.mvc.perform(json(post("/api/v1/communities/{cid}/fee-items/{id}/rates", this.f.communityId(), item),
				Map.of("buildingId", building, "priceFen", 180)))
			.andExpect(status().isOk());
		this.mvc.perform(json(post("/api/v1/communities/{cid}/rooms/{rid}/reductions", this.f.communityId(),
				this.f.room101()), Map.of("percent", 50, "reason", "低保户减半", "validFrom", "2025-01-01")))
			.andExpect(status().isCreated());
		long expected = FeeCalculator.amount(180, new BigDecimal("88.50"), 1, 31, 31, 50)
				+ FeeCalculator.amount(1000, BigDecimal.ONE, 1, 31, 31, 50)
				+ FeeCalculator.amount(180, new BigDecimal("68.80"), 1, 16, 31, 0)
				+ FeeCalculator.amount(1000, BigDecimal.ONE, 1, 16, 31, 0);
		this.mvc.perform(json(post("/api/v1/communities/{cid}/bill-runs/preview", this.f.communityId()),
				Map.of("period", "2025-05")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(4))
			.andExpect(jsonPath("$.totalFen").value(expected - FeeCalculator.amount(180, new BigDecimal("68.80"), 1,
					16, 31, 0) - FeeCalculator.amount(1000, BigDecimal.ONE, 1, 16, 31, 0)
					+ FeeCalculator.amount(180, new BigDecimal("68.80"), 1, 31, 31, 0) + 1000));
		assertThat(count("select count(*) from billing.bill where community_id = :c")).isZero();
		this.mvc.perform(json(post("/api/v1/communities/{cid}/fee-items/{id}/rates", this.f.communityId(), item),
				Map.of("use", "CASTLE", "priceFen", 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("use"));
	}

	@Test
	void aBillIsCorrectedByACreditNoteNeverByEditingIt() throws Exception {
		this.mvc.perform(run(BillingFixture.MONTH)).andExpect(status().isOk());
		String bill = this.jdbc.sql("select b.id::text from billing.bill b join billing.fee_item i on i.id = b.fee_item_id "
				+ "where b.community_id = :c and b.room_id = :r and i.code = 'PROP'").param("c", this.f.communityId())
			.param("r", this.f.room101()).query(String.class).single();
		// paid in full, then credited 20.00: the overpaid 20.00 goes to the prepaid balance
		this.mvc.perform(json(post("/api/v1/communities/{cid}/rooms/{rid}/payments", this.f.communityId(),
				this.f.room101()), Map.of("amountFen", 14275, "channel", "CASH")))
			.andExpect(status().isCreated());
		this.mvc.perform(json(post("/api/v1/communities/{cid}/bills/{bid}/credit-notes", this.f.communityId(), bill),
				Map.of("amountFen", 2000, "reason", "面积复核更正")))
			.andExpect(status().isCreated());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms/{rid}/bills", this.f.communityId(),
				this.f.room101()), this.staff))
			.andExpect(jsonPath("$.balanceFen").value(2000))
			.andExpect(jsonPath("$.bills[?(@.id == '" + bill + "')].amountFen").value(13275))
			.andExpect(jsonPath("$.bills[?(@.id == '" + bill + "')].creditedFen").value(2000))
			.andExpect(jsonPath("$.bills[?(@.id == '" + bill + "')].outstandingFen").value(0));
		this.mvc.perform(json(post("/api/v1/communities/{cid}/bills/{bid}/credit-notes", this.f.communityId(), bill),
				Map.of("amountFen", 20000, "reason", "太多")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amountFen"));
		assertThatThrownBy(() -> this.jdbc.sql("update billing.bill set amount_fen = 1 where id = cast(:b as uuid)")
			.param("b", bill).update()).hasMessageContaining("credit note");
	}

	@Test
	void oneOffChargesAreIdempotentOnTheirSourceAndStayOutOfRunCounts() throws Exception {
		var first = this.billing.addOneOffCharge(this.f.communityId(), this.f.room101(), "更换水龙头（有偿维修）",
				org.linli.shared.money.Money.ofYuan("45.50"), "workorder:wo-1");
		var again = this.billing.addOneOffCharge(this.f.communityId(), this.f.room101(), "更换水龙头（有偿维修）",
				org.linli.shared.money.Money.ofYuan("45.50"), "workorder:wo-1");
		var other = this.billing.addOneOffCharge(this.f.communityId(), this.f.room101(), "疏通下水道",
				org.linli.shared.money.Money.ofYuan("30"), "workorder:wo-2");
		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(count("select count(*) from billing.bill where community_id = :c and kind = 'ONE_OFF'"))
			.isEqualTo(2);
		assertThat(count("select sum(amount_fen) from billing.bill where community_id = :c and kind = 'ONE_OFF'"))
			.isEqualTo(7550);
		this.mvc.perform(run(BillingFixture.MONTH)).andExpect(jsonPath("$.bills").value(4));
		this.mvc.perform(run("2025-04")).andExpect(jsonPath("$.bills").value(4));
		// a room's bills: its run bills of every billed period and its one-offs (of a month without a run)
		this.mvc
			.perform(bearer(get("/api/v1/communities/{cid}/rooms/{rid}/bills", this.f.communityId(), this.f.room101()),
					this.staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bills.length()").value(6))
			.andExpect(jsonPath("$.bills[?(@.kind == 'ONE_OFF')].amountFen").value(org.hamcrest.Matchers
				.containsInAnyOrder(4550, 3000)));
	}

	@Test
	void aRepeatedRunSkipsUnchangedCompoundsButBillsWhatChangedSinceTheLastRun() throws Exception {
		this.mvc.perform(run("2025-07")).andExpect(jsonPath("$.created").value(4));
		this.mvc.perform(run("2025-07")).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.bills").value(4));
		// a fee item added after the run is an input written since: the next run of the period bills it
		feeItem(Map.of("code", "LIFT", "name", "电梯费", "kind", "FIXED", "cycle", "MONTH", "priceFen", 2000,
				"effectiveFrom", "2024-01-01"));
		this.mvc.perform(run("2025-07")).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.bills").value(6));
		this.mvc.perform(run("2025-07")).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.bills").value(6));
		assertThat(count("select count(*) from billing.bill where community_id = :c and period = '2025-07'"))
			.isEqualTo(6);
		assertThat(count("select count(*) from billing.period_total t join billing.input_version v "
				+ "on v.community_id = t.community_id where t.community_id = :c and t.period = '2025-07' "
				+ "and t.inputs_version = v.version")).as("the period keeps the input version its run saw").isEqualTo(1);
	}

	@Test
	void theBillsOfARunGetIdsThatAscendInTheirStatement() throws Exception {
		this.mvc.perform(run("2025-06")).andExpect(jsonPath("$.created").value(4));
		assertThat(count("select count(*) from billing.bill where community_id = :c and period = '2025-06' "
				+ "and substr(id::text, 15, 1) = '7'")).as("UUID version 7").isEqualTo(4);
		assertThat(count("""
				select count(*) from (select id, lag(id) over (order by id) as previous from billing.bill
				 where community_id = :c and period = '2025-06') x where x.id < x.previous
				""")).isZero();
	}

	@Test
	void badPeriodsAndOtherCompoundsAreRefused() throws Exception {
		this.mvc.perform(run("2025-13")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"));
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(json(post("/api/v1/communities/{cid}/bill-runs", xingfuli), Map.of("period", "2025-03")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bill-runs", this.f.communityId())
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("period", "2025-03"))),
				Api.token(this.mvc, this.f.resident101())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theMaintenanceFundOfARoomNeverGoesBelowZeroAndTakesOnlyThisCompoundsRooms() throws Exception {
		String fund = "/api/v1/communities/{cid}/rooms/{rid}/maintenance-fund";
		this.mvc.perform(json(post(fund, this.f.communityId(), this.f.room101()),
				Map.of("kind", "CONTRIBUTION", "amountFen", 500000, "note", "首期维修资金")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.balanceFen").value(500000));
		this.mvc.perform(json(post(fund, this.f.communityId(), this.f.room101()),
				Map.of("kind", "SPENDING", "amountFen", 500001)))
			.andExpect(status().isConflict());
		this.mvc.perform(json(post(fund, this.f.communityId(), this.f.room101()), Map.of("kind", "GIFT", "amountFen", -1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("kind", "amountFen")));
		// a room of another compound is not this compound's to record against
		UUID elsewhere = BillingFixture.create(this.registry, this.identity).room101();
		this.mvc.perform(json(post(fund, this.f.communityId(), elsewhere),
				Map.of("kind", "CONTRIBUTION", "amountFen", 100)))
			.andExpect(status().isNotFound());
		assertThat(count("select count(*) from billing.fund_entry where community_id = :c")).isEqualTo(1);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder run(String period) {
		return json(post("/api/v1/communities/{cid}/bill-runs", this.f.communityId()), Map.of("period", period));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body) {
		return bearer(request, this.staff).contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
	}

	private void feeItem(Map<String, Object> item) throws Exception {
		this.mvc.perform(json(post("/api/v1/communities/{cid}/fee-items", this.f.communityId()), item))
			.andExpect(status().isCreated());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param("c", this.f.communityId()).query(Long.class).single();
	}

}
