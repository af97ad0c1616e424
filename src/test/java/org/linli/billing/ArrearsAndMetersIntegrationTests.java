package org.linli.billing;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Arrears by age with reminders (announced as an event) and payment plans; meters in a tree with anomaly checks,
 * .xlsx import (all rows or none), metered water bills and the water loss rate; bulk payment import.
 */
@LinliIntegrationTest
@RecordApplicationEvents
class ArrearsAndMetersIntegrationTests {

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
	ApplicationEvents events;

	BillingFixture f;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.f = BillingFixture.create(this.registry, this.identity);
		this.staff = Api.token(this.mvc, this.f.staff());
		this.billing.createFeeItem(this.f.communityId(), new BillingApi.NewFeeItem("PROP", "物业费", "AREA_RATE",
				"MONTH", Money.ofYuan("1.50"), null, java.time.LocalDate.of(2024, 1, 1)));
	}

	@Test
	void arrearsAreAgedRemindedAndPutOnAPlan() throws Exception {
		this.billing.runBills(this.f.communityId(), BillingFixture.MONTH, "test");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/arrears", this.f.communityId()), this.staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.buckets.over180Fen").value(13275 + 5326))
			.andExpect(jsonPath("$.buckets.upTo30Fen").value(0))
			.andExpect(jsonPath("$.rooms.length()").value(2))
			.andExpect(jsonPath("$.rooms[0].bucket").value("D180_PLUS"));
		String reminder = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/reminders",
				this.f.communityId(), this.f.room101()), this.staff))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		assertThat(this.events.stream(ArrearsReminderIssued.class))
			.anySatisfy(e -> {
				assertThat(e.reminderId()).hasToString(reminder);
				assertThat(e.outstandingFen()).isEqualTo(13275);
				assertThat(e.roomId()).isEqualTo(this.f.room101());
			});
		// the household of the room finds the reminder in its inbox; the neighbours do not
		String resident101 = Api.token(this.mvc, this.f.resident101());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(200))
			.untilAsserted(() -> this.mvc.perform(bearer(get("/api/v1/notifications"), resident101))
				.andExpect(jsonPath("$.content[*].title").value(org.hamcrest.Matchers.hasItem("缴费提醒：您家尚有 132.75 元费用未缴"))));
		this.mvc.perform(bearer(get("/api/v1/notifications"), Api.token(this.mvc, this.f.resident102())))
			.andExpect(jsonPath("$.content[*].kind").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("BILLING"))));
		// the vacant room owes nothing: no reminder for it
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/reminders", this.f.communityId(),
				this.f.room103()), this.staff)).andExpect(status().isConflict());
		String firstDue = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/payment-plans", this.f.communityId(),
				this.f.room101()), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("instalments", 4, "firstDue", firstDue))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.totalFen").value(13275))
			.andExpect(jsonPath("$.schedule.length()").value(4))
			.andExpect(jsonPath("$.schedule[0].amountFen").value(3319))
			.andExpect(jsonPath("$.schedule[3].amountFen").value(3318));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms/{rid}/payment-plans", this.f.communityId(),
				this.f.room101()), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("instalments", 4, "firstDue", firstDue))))
			.andExpect(status().isConflict());
		// paying the arrears completes the plan
		this.billing.recordOfflinePayment(this.f.communityId(), this.f.room101(), Money.ofFen(13275), "CASH", null,
				"test");
		assertThat(this.jdbc.sql("select status from billing.payment_plan where community_id = :c and room_id = :r")
			.param("c", this.f.communityId()).param("r", this.f.room101()).query(String.class).single())
			.isEqualTo("COMPLETED");
		// street officers read the figures, not the rooms
		String street = "st-" + UUID.randomUUID().toString().substring(0, 8);
		this.identity.createAccount(new org.linli.identity.NewAccount(street, Api.DEMO_PASSWORD, "街道",
				java.util.Set.of(org.linli.identity.Role.STREET_OFFICER), java.util.Set.of(this.f.communityId()), null,
				false, true));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/arrears", this.f.communityId()),
				Api.token(this.mvc, street)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalFen").value(5326))
			.andExpect(jsonPath("$.rooms.length()").value(0));
	}

	@Test
	void metersReadingsAnomaliesWaterBillsAndWaterLoss() throws Exception {
		UUID cid = this.f.communityId();
		this.billing.createFeeItem(cid, new BillingApi.NewFeeItem("WATER", "水费", "METERED", "MONTH",
				Money.ofYuan("3.50"), "WATER", java.time.LocalDate.of(2024, 1, 1)));
		String master = meter(Map.of("kind", "WATER", "code", "W-M", "areaName", "1号楼"));
		String m101 = meter(Map.of("kind", "WATER", "code", "W-101", "parentId", master, "roomId",
				this.f.room101().toString()));
		String m102 = meter(Map.of("kind", "WATER", "code", "W-102", "parentId", master, "roomId",
				this.f.room102().toString()));
		read(master, "2025-02", "1000.00");
		read(m101, "2025-02", "200.00");
		read(m102, "2025-02", "300.00");
		read(master, "2025-03", "1040.00");
		read(m101, "2025-03", "212.50");
		read(m102, "2025-03", "325.50").andExpect(jsonPath("$.consumption").value(25.5))
			.andExpect(jsonPath("$.anomaly").doesNotExist());
		// (40 - (12.5 + 25.5)) / 40 = 5.00%: not under the 5% target
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/water-loss", cid).param("period", "2025-03"),
				this.staff))
			.andExpect(jsonPath("$.target").value(0.05))
			.andExpect(jsonPath("$.areas[0].area").value("1号楼"))
			.andExpect(jsonPath("$.areas[0].rate").value(0.05))
			.andExpect(jsonPath("$.areas[0].meetsTarget").value(false));
		var run = this.billing.runBills(cid, "2025-03", "test");
		assertThat(this.jdbc.sql("select amount_fen from billing.bill b join billing.fee_item i on i.id = b.fee_item_id "
				+ "where b.community_id = :c and i.code = 'WATER' and b.room_id = :r").param("c", cid)
			.param("r", this.f.room101()).query(Long.class).single()).isEqualTo(4375);
		assertThat(run.bills()).isEqualTo(4);
		// a reading below the last one is negative use: flagged, and not billed
		read(m101, "2025-04", "210.00").andExpect(jsonPath("$.anomaly").value("NEGATIVE"));
		read(m102, "2025-04", "420.00").andExpect(jsonPath("$.anomaly").value("JUMP"));
		this.billing.runBills(cid, "2025-04", "test");
		assertThat(this.jdbc.sql("select count(*) from billing.bill b join billing.fee_item i on i.id = b.fee_item_id "
				+ "where b.community_id = :c and i.code = 'WATER' and b.period = '2025-04'").param("c", cid)
			.query(Long.class).single()).isEqualTo(1);
		// correcting March changes April's consumption too
		read(m101, "2025-03", "205.00");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/meter-readings", cid).param("period", "2025-04"),
				this.staff))
			.andExpect(jsonPath("$[?(@.code == 'W-101')].consumption").value(5.0));
		assertThat(this.jdbc.sql("select count(*) from billing.meter_reading where community_id = :c and anomaly "
				+ "is not null and meter_id = cast(:m as uuid)").param("c", cid).param("m", m101).query(Long.class)
			.single()).isZero();
	}

	@Test
	void readingsImportFromXlsxAllOrNothing() throws Exception {
		UUID cid = this.f.communityId();
		meter(Map.of("kind", "WATER", "code", "X-101", "roomId", this.f.room101().toString()));
		meter(Map.of("kind", "WATER", "code", "X-102", "roomId", this.f.room102().toString()));
		this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/meter-readings/import", cid)
			.file(xlsx(new String[][] { { "表号", "读数" }, { "X-101", "10.5" }, { "X-999", "3" }, { "X-102", "abc" } }))
			.param("period", "2025-02"), this.staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(0))
			.andExpect(jsonPath("$.errors[0]").value("3:meterCode"))
			.andExpect(jsonPath("$.errors[1]").value("4:reading"));
		this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/meter-readings/import", cid)
			.file(xlsx(new String[][] { { "表号", "读数" }, { "X-101", "10.5" }, { "X-102", "20" } }))
			.param("period", "2025-02"), this.staff))
			.andExpect(jsonPath("$.written").value(2));
		this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/meter-readings/import", cid)
			.file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", "not a zip".getBytes()))
			.param("period", "2025-02"), this.staff))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(this.jdbc.sql("select count(*) from billing.meter_reading where community_id = :c")
			.param("c", cid).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void paymentHistoryImportsInBulkWithGaplessReceiptsAndOnlyOnce() {
		UUID cid = this.f.communityId();
		this.billing.runBills(cid, BillingFixture.MONTH, "test");
		this.billing.recordOfflinePayment(cid, this.f.room102(), Money.ofFen(100), "CASH", null, "test");
		var payments = java.util.List.of(
				new BillingApi.ImportedPayment(this.f.room101(), Money.ofFen(14000), "TRANSFER", "old-1"),
				new BillingApi.ImportedPayment(this.f.room102(), Money.ofFen(1000), "CASH", "old-2"));
		assertThat(this.billing.importPayments(cid, payments, "test")).isEqualTo(2);
		assertThat(this.billing.importPayments(cid, payments, "test")).isZero();
		var open = this.billing.outstandingByRoom(cid);
		assertThat(open).doesNotContainKey(this.f.room101());
		assertThat(open.get(this.f.room102())).containsExactly(Money.ofFen(5326 - 1100));
		assertThat(this.jdbc.sql("select balance_fen from billing.account where community_id = :c and room_id = :r")
			.param("c", cid).param("r", this.f.room101()).query(Long.class).single()).isEqualTo(14000 - 13275);
		assertThat(this.jdbc.sql("select array_agg(receipt_no order by receipt_no)::text from billing.payment "
				+ "where community_id = :c").param("c", cid).query(String.class).single()).isEqualTo("{1,2,3}");
	}

	private String meter(Map<String, Object> meter) throws Exception {
		return Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meters", this.f.communityId()),
				this.staff).contentType(MediaType.APPLICATION_JSON).content(Api.json(meter)))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

	private org.springframework.test.web.servlet.ResultActions read(String meter, String period, String reading)
			throws Exception {
		return this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meters/{mid}/readings", this.f.communityId(),
				meter), this.staff).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("period", period, "reading", new BigDecimal(reading)))))
			.andExpect(status().isOk());
	}

	private static MockMultipartFile xlsx(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("读数");
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
			return new MockMultipartFile("file", "readings.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
		}
	}

}
