package org.linli.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.billing.domain.SimulatedPaymentProvider;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Payments: online through the simulated provider with signed notifications (repeated and concurrent ones credit
 * once), offline at the desk with idempotency keys, partial payments and prepaid balances, gapless receipts,
 * refunds approved by a second account, collection rates, and residents who see only their own household.
 */
@LinliIntegrationTest
class PaymentIntegrationTests {

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

	@Autowired
	SimulatedPaymentProvider simulated;

	BillingFixture f;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.f = BillingFixture.create(this.registry, this.identity);
		this.staff = Api.token(this.mvc, this.f.staff());
		this.billing.createFeeItem(this.f.communityId(), new BillingApi.NewFeeItem("PROP", "物业费", "AREA_RATE",
				"MONTH", org.linli.shared.money.Money.ofYuan("1.50"), null, java.time.LocalDate.of(2024, 1, 1)));
		this.billing.runBills(this.f.communityId(), BillingFixture.MONTH, "test");
	}

	@Test
	void repeatedAndConcurrentNotificationsCreditOnce() throws Exception {
		String resident = Api.token(this.mvc, this.f.resident101());
		var order = Api.body(this.mvc.perform(bearer(post("/api/v1/me/payments"), resident)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amountFen").value(13275))
			.andReturn());
		String orderNo = order.get("orderNo").asString();
		String body = this.simulated.notificationFor(this.f.communityId(), orderNo, 13275, true);
		String signature = this.simulated.sign(body);

		// a forged notification (right shape, wrong signature) is refused and changes nothing
		String forged = body.replace("13275", "13276");
		this.mvc.perform(notify(forged, signature)).andExpect(status().isUnauthorized());
		this.mvc.perform(notify(body, null)).andExpect(status().isUnauthorized());

		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(notify(body, signature)).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		this.mvc.perform(notify(body, signature)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUCCEEDED"));

		assertThat(sum("select sum(paid_fen) from billing.bill where community_id = :c and room_id = :r"))
			.isEqualTo(13275);
		assertThat(sum("select count(*) from billing.allocation a join billing.payment p on p.id = a.payment_id "
				+ "where p.community_id = :c and p.room_id = :r")).isEqualTo(1);
		assertThat(sum("select coalesce(sum(balance_fen), 0) from billing.account where community_id = :c "
				+ "and room_id = :r")).isZero();
		assertThat(sum("select count(*) from billing.payment where community_id = :c and room_id = :r "
				+ "and receipt_no is not null")).isEqualTo(1);
		this.mvc.perform(bearer(get("/api/v1/me/bills"), resident))
			.andExpect(jsonPath("$.outstandingFen").value(0))
			.andExpect(jsonPath("$.bills[0].status").value("PAID"));
	}

	@Test
	void partialPaymentsPrepaidBalancesAndGaplessReceipts() throws Exception {
		String first = payOffline(this.f.room101(), 5000, "CASH", null).get("receiptNo").asString();
		// 50.00 + 100.00 of a 132.75 bill: the bill is paid and 17.25 goes to the prepaid balance
		var second = payOffline(this.f.room101(), 10000, "POS", "pos-slip-0001");
		var retried = payOffline(this.f.room101(), 10000, "POS", "pos-slip-0001");
		assertThat(retried.get("id").asString()).isEqualTo(second.get("id").asString());
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(first).isEqualTo(year + "-000001");
		assertThat(second.get("receiptNo").asString()).isEqualTo(year + "-000002");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms/{rid}/bills", this.f.communityId(),
				this.f.room101()), this.staff))
			.andExpect(jsonPath("$.balanceFen").value(1725))
			.andExpect(jsonPath("$.bills[0].paidFen").value(13275))
			.andExpect(jsonPath("$.payments.length()").value(2));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/payments/{pid}/receipt", this.f.communityId(),
				second.get("id").asString()), this.staff))
			.andExpect(jsonPath("$.number").value(year + "-000002"))
			.andExpect(jsonPath("$.toBalanceFen").value(1725))
			.andExpect(jsonPath("$.lines[0].amountFen").value(8275));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/payments", this.f.communityId(),
				this.f.room101()), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("amountFen", -5, "channel", "CHEQUE"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
	}

	@Test
	void refundsNeedASecondAccountAndTakeTheBalanceFirst() throws Exception {
		String payment = payOffline(this.f.room101(), 15275, "TRANSFER", null).get("id").asString();
		String refund = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/payments/{pid}/refunds",
				this.f.communityId(), payment), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("amountFen", 3000, "reason", "多缴退回"))))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		// staff may not approve at all; the manager who asked may not approve their own request
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/refunds/{id}/approve", this.f.communityId(), refund),
				this.staff)).andExpect(status().isForbidden());
		String manager = Api.token(this.mvc, this.f.manager());
		String own = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/payments/{pid}/refunds",
				this.f.communityId(), payment), manager).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("amountFen", 100, "reason", "自批测试")))).andReturn()).get("id").asString();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/refunds/{id}/approve", this.f.communityId(), own),
				manager)).andExpect(status().isConflict());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/refunds/{id}/approve", this.f.communityId(), refund),
				manager)).andExpect(status().isOk());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/refunds/{id}/approve", this.f.communityId(), refund),
				manager)).andExpect(status().isConflict());
		// 20.00 came off the balance, the other 10.00 re-opened the bill
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms/{rid}/bills", this.f.communityId(),
				this.f.room101()), this.staff))
			.andExpect(jsonPath("$.balanceFen").value(0))
			.andExpect(jsonPath("$.bills[0].outstandingFen").value(1000))
			.andExpect(jsonPath("$.payments[0].refundedFen").value(3000));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/payments/{pid}/refunds", this.f.communityId(),
				payment), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("amountFen", 20000, "reason", "超额"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void collectionRateOfThePeriod() throws Exception {
		payOffline(this.f.room101(), 13275, "CASH", null);
		long billed = sum("select sum(amount_fen) from billing.bill where community_id = :c");
		String token = Api.token(this.mvc, this.f.manager());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/collection-rate", this.f.communityId())
			.param("period", BillingFixture.MONTH), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value(BillingFixture.MONTH))
			.andExpect(jsonPath("$.billedFen").value(billed))
			.andExpect(jsonPath("$.paidFen").value(13275))
			.andExpect(jsonPath("$.rate").value(new java.math.BigDecimal(13275)
				.divide(java.math.BigDecimal.valueOf(billed), 4, java.math.RoundingMode.DOWN).doubleValue()));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/collection-rate", this.f.communityId())
			.param("period", BillingFixture.MONTH), Api.token(this.mvc, this.f.resident101())))
			.andExpect(status().isForbidden());
	}

	@Test
	void residentsSeeOnlyTheirOwnHouseholdsBills() throws Exception {
		String resident = Api.token(this.mvc, this.f.resident102());
		this.mvc.perform(bearer(get("/api/v1/me/bills"), resident))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bills.length()").value(1))
			.andExpect(jsonPath("$.bills[0].roomId").value(this.f.room102().toString()));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms/{rid}/bills", this.f.communityId(),
				this.f.room101()), resident)).andExpect(status().isForbidden());
		String bill101 = this.jdbc.sql("select id::text from billing.bill where community_id = :c and room_id = :r")
			.param("c", this.f.communityId()).param("r", this.f.room101()).query(String.class).single();
		// paying someone else's bill is refused: the bill is not among the resident's own
		this.mvc.perform(bearer(post("/api/v1/me/payments"), resident).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("billIds", List.of(bill101))))).andExpect(status().isBadRequest());
		var session = org.linli.support.Pages.signIn(this.mvc, this.f.resident102()).session();
		String page = this.mvc.perform(get("/app/billing").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("102").doesNotContain(bill101);
		this.mvc.perform(get("/console/communities/{cid}/billing/rooms/{rid}", this.f.communityId(), this.f.room101())
			.session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/app/billing/receipts/{id}", UUID.randomUUID()).session(session))
			.andExpect(status().isNotFound());
	}

	private tools.jackson.databind.JsonNode payOffline(UUID room, long fen, String channel, String key)
			throws Exception {
		var request = bearer(post("/api/v1/communities/{cid}/rooms/{rid}/payments", this.f.communityId(), room),
				this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("amountFen", fen, "channel", channel)));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return Api.body(this.mvc.perform(request).andExpect(status().isCreated()).andReturn());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder notify(String body,
			String signature) {
		var request = post("/api/v1/public/payments/simulated/notify").contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (signature != null) {
			request.header("X-Linli-Signature", signature);
		}
		return request;
	}

	private long sum(String sql) {
		return this.jdbc.sql(sql).param("c", this.f.communityId()).param("r", this.f.room101()).query(Long.class)
			.single();
	}

}
