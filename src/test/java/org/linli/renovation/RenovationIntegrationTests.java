package org.linli.renovation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.linli.ledger.domain.HashAlgorithm;
import org.linli.ledger.domain.Merkle;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A project from budget to final payment through the API, with every refusal the rules demand. */
@LinliIntegrationTest
class RenovationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

	private String cid() {
		return this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'").query(String.class)
			.single();
	}

	private String disbursement(String pm, String contract, String stage, long fen, Map<String, Object> extra)
			throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("stage", stage, "amountFen", fen, "purpose", "工程款"));
		body.putAll(extra);
		return Api.body(post(pm, "/api/v1/contracts/{k}/disbursements", body, contract).andExpect(status().isCreated())
			.andReturn()).get("id").asString();
	}

	private void signAll(String disbursement, String... tokens) throws Exception {
		for (String token : tokens) {
			post(token, "/api/v1/disbursements/{d}/signatures", null, disbursement).andExpect(status().isCreated());
		}
	}

	@Test
	void aProjectRunsFromBudgetToFinalPaymentAndEveryRuleRefusesWhatItMust() throws Exception {
		String cid = cid();
		String pm = Api.token(this.mvc, "pm");
		String engineer = Api.token(this.mvc, "engineer");
		String ownerrep = Api.token(this.mvc, "ownerrep");
		JsonNode project = Api.body(post(pm, "/api/v1/communities/{cid}/renovation-projects", Map.of("name", "测试改造项目",
				"startsOn", "2026-01-01", "budgetLines",
				List.of(Map.of("code", "PIPES", "name", "供水管网", "phase", 1, "amountFen", 1_000_000),
						Map.of("code", "ELEVATORS", "name", "加装电梯", "phase", 2, "amountFen", 2_000_000)),
				"fundingSources", List.of(Map.of("kind", "GOVERNMENT", "plannedFen", 3_000_000))), cid)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.budgetFen").value(3_000_000))
			.andExpect(jsonPath("$.contingencyFen").value(150_000))
			.andExpect(jsonPath("$.phases.length()").value(4))
			.andExpect(jsonPath("$.milestones[*].code").value(org.hamcrest.Matchers.contains("M3", "M6", "M9", "M12",
					"M18", "M24")))
			.andReturn());
		String pid = project.get("id").asString();
		String pipes = project.get("budgetLines").get(0).get("code").asString().equals("PIPES")
				? project.get("budgetLines").get(0).get("id").asString()
				: project.get("budgetLines").get(1).get("id").asString();
		String contract = Api.body(post(pm, "/api/v1/renovation-projects/{p}/contracts", Map.of("budgetLineId", pipes,
				"contractor", "某管道工程有限公司", "title", "供水管网更换", "amountFen", 1_200_000, "signedOn", "2026-01-10",
				"warrantyMonths", 0), pid).andExpect(status().isCreated()).andReturn()).get("id").asString();

		// no payment before the three reviews, and the reviews go in order
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "PROGRESS", "amountFen", 1000, "purpose", "x"),
				contract).andExpect(status().isConflict());
		post(pm, "/api/v1/renovation-projects/{p}/budget-reviews", Map.of("step", "FINANCE", "reviewer", "财务部"), pid)
			.andExpect(status().isConflict());
		for (String step : new String[] { "PROJECT_UNIT", "FINANCE", "THIRD_PARTY" }) {
			post(pm, "/api/v1/renovation-projects/{p}/budget-reviews", Map.of("step", step, "reviewer", "审核 " + step,
					"reference", "SH-" + step), pid).andExpect(status().isCreated());
		}
		post(pm, "/api/v1/renovation-projects/{p}/fund-receipts", Map.of("kind", "GOVERNMENT", "amountFen", 3_000_000,
				"receivedOn", "2026-01-15", "reference", "ZF-001"), pid).andExpect(status().isCreated());

		// progress payments are capped at 60% of the contract (720,000 fen)
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "PROGRESS", "amountFen", 800_000, "purpose",
				"进度款"), contract)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("renovation.disbursement.progressCap"));
		String progress = disbursement(pm, contract, "PROGRESS", 600_000, Map.of());

		// three signatures by three different accounts before the money moves
		post(pm, "/api/v1/disbursements/{d}/release", null, progress).andExpect(status().isConflict());
		signAll(progress, ownerrep);
		post(ownerrep, "/api/v1/disbursements/{d}/signatures", null, progress)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("两次")));
		signAll(progress, engineer);
		post(pm, "/api/v1/disbursements/{d}/release", null, progress)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PROJECT_MANAGER")));
		signAll(progress, pm);
		JsonNode released = Api.body(post(pm, "/api/v1/disbursements/{d}/release", null, progress)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISBURSED"))
			.andExpect(jsonPath("$.signatures.length()").value(3))
			.andReturn());

		// acceptance money only after acceptance; then up to 90% of the contract
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "ACCEPTANCE", "amountFen", 1000, "purpose",
				"验收款"), contract).andExpect(status().isConflict());
		post(engineer, "/api/v1/contracts/{k}/acceptance", Map.of("acceptedOn", "2026-03-01"), contract)
			.andExpect(status().isOk());
		String acceptance = disbursement(pm, contract, "ACCEPTANCE", 400_000, Map.of());
		signAll(acceptance, ownerrep, engineer, pm);
		post(pm, "/api/v1/disbursements/{d}/release", null, acceptance).andExpect(status().isOk());

		// the final part would overspend the line (1,000,000 fen) until contingency is released by a decision
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "FINAL", "amountFen", 80_000, "purpose", "尾款"),
				contract)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("renovation.disbursement.overspend"));
		post(pm, "/api/v1/renovation-projects/{p}/contingency-releases", Map.of("budgetLineId", pipes, "amountFen",
				100_000), pid).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decisionRef"));
		post(pm, "/api/v1/renovation-projects/{p}/contingency-releases", Map.of("budgetLineId", pipes, "amountFen",
				200_000, "decisionRef", "领导小组 2026-3 号"), pid).andExpect(status().isBadRequest());
		post(pm, "/api/v1/renovation-projects/{p}/contingency-releases", Map.of("budgetLineId", pipes, "amountFen",
				100_000, "decisionRef", "领导小组 2026-3 号"), pid).andExpect(status().isCreated());
		String last = disbursement(pm, contract, "FINAL", 80_000, Map.of());
		signAll(last, pm, engineer, ownerrep);
		post(pm, "/api/v1/disbursements/{d}/release", null, last).andExpect(status().isOk());
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "FINAL", "amountFen", 200_000, "purpose", "超付"),
				contract).andExpect(status().isBadRequest());

		this.mvc.perform(bearer(get("/api/v1/renovation-projects/{p}", pid), Api.token(this.mvc, "street")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.budgetApproved").value(true))
			.andExpect(jsonPath("$.contracts[0].paidFen").value(1_080_000))
			.andExpect(jsonPath("$.contingencyReleasedFen").value(100_000))
			.andExpect(jsonPath("$.fundingSources[0].receivedFen").value(3_000_000));
		this.mvc.perform(bearer(get("/api/v1/renovation-projects/{p}", pid), Api.token(this.mvc, "resident")))
			.andExpect(status().isForbidden());

		// the release is a public ledger entry with a proof against the published head
		long index = released.get("ledgerIndex").asLong();
		JsonNode head = Api.body(this.mvc.perform(get("/api/v1/public/ledgers/{cid}/tree-head", cid)).andReturn());
		JsonNode entry = Api.body(this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries?start={s}&end={e}", cid,
				index, index + 1)).andReturn()).get(0);
		assertThat(entry.get("payload").asString()).contains("\"type\":\"DISBURSEMENT\"").contains("\"amountFen\":600000")
			.doesNotContain("ownerrep").doesNotContain("业主代表");
		long size = head.get("treeSize").asLong();
		JsonNode proof = Api.body(this.mvc.perform(get("/api/v1/public/ledgers/{cid}/proofs/inclusion?index={i}&treeSize={n}",
				cid, index, size)).andReturn());
		Merkle merkle = new Merkle(HashAlgorithm.ofLabel(head.get("algorithm").asString()));
		List<byte[]> path = new ArrayList<>();
		proof.get("path").forEach(hash -> path.add(Merkle.unhex(hash.asString())));
		assertThat(merkle.verifyInclusion(index, size, merkle.leafHash(entry.get("payload").asString()), path,
				Merkle.unhex(head.get("rootHash").asString()))).isTrue();
	}

	@Test
	void maintenanceFundNeedsAnAdoptedVoteOrAConfirmedEmergencyAndSignersOutsideDemoNeedTotp() throws Exception {
		String cid = cid();
		String pm = Api.token(this.mvc, "pm");
		String engineer = Api.token(this.mvc, "engineer");
		String ownerrep = Api.token(this.mvc, "ownerrep");
		JsonNode project = Api.body(post(pm, "/api/v1/communities/{cid}/renovation-projects", Map.of("name", "电梯应急维修",
				"startsOn", "2026-01-01", "budgetLines",
				List.of(Map.of("code", "ELEVATORS", "name", "电梯", "phase", 1, "amountFen", 1_000_000)),
				"fundingSources", List.of(Map.of("kind", "MAINTENANCE_FUND", "plannedFen", 1_000_000))), cid)
			.andReturn());
		String pid = project.get("id").asString();
		String line = project.get("budgetLines").get(0).get("id").asString();
		for (String step : new String[] { "PROJECT_UNIT", "FINANCE", "THIRD_PARTY" }) {
			post(pm, "/api/v1/renovation-projects/{p}/budget-reviews", Map.of("step", step, "reviewer", "审核"), pid);
		}
		String contract = Api.body(post(pm, "/api/v1/renovation-projects/{p}/contracts", Map.of("budgetLineId", line,
				"contractor", "某电梯公司", "title", "曳引机更换", "amountFen", 1_000_000, "signedOn", "2026-02-01",
				"warrantyMonths", 12), pid).andReturn()).get("id").asString();
		post(pm, "/api/v1/contracts/{k}/disbursements", Map.of("stage", "PROGRESS", "amountFen", 100_000, "purpose", "维修",
				"maintenanceFund", true), contract)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("voteId"));

		// a vote id alone is not enough while no governance module says the vote was adopted
		String voted = disbursement(pm, contract, "PROGRESS", 100_000,
				Map.of("maintenanceFund", true, "voteId", UUID.randomUUID().toString()));
		signAll(voted, ownerrep, engineer, pm);
		post(pm, "/api/v1/disbursements/{d}/release", null, voted)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("街道办")));

		String emergency = disbursement(pm, contract, "PROGRESS", 100_000,
				Map.of("maintenanceFund", true, "emergencyKind", "ELEVATOR_HAZARD"));
		signAll(emergency, ownerrep, engineer, pm);
		post(pm, "/api/v1/disbursements/{d}/release", null, emergency).andExpect(status().isConflict());
		post(pm, "/api/v1/disbursements/{d}/emergency-confirmation", null, emergency).andExpect(status().isForbidden());
		post(Api.token(this.mvc, "street"), "/api/v1/disbursements/{d}/emergency-confirmation", null, emergency)
			.andExpect(status().isOk());
		post(pm, "/api/v1/disbursements/{d}/release", null, emergency)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISBURSED"));

		// an owners' representative who is not a demo account signs only with a fresh TOTP code
		String admin = Api.token(this.mvc, "admin");
		String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
		Api.createAccount(this.mvc, admin, username, "Sign@2026-strong", List.of("OWNER_REPRESENTATIVE"), List.of(cid))
			.andExpect(status().isCreated());
		String rep = Api.token(this.mvc, username, "Sign@2026-strong");
		String another = disbursement(pm, contract, "PROGRESS", 50_000, Map.of());
		post(rep, "/api/v1/disbursements/{d}/signatures", Map.of("totp", "123456"), another)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("totp"));

		// change requests go to the level their size demands
		String small = Api.body(post(pm, "/api/v1/renovation-projects/{p}/change-requests", Map.of("budgetLineId", line,
				"deltaFen", 100_000, "reason", "增加防护"), pid).andExpect(status().isCreated()).andReturn()).get("id")
			.asString();
		post(pm, "/api/v1/renovation-projects/{p}/change-requests/{c}/approval", null, pid, small)
			.andExpect(status().isOk());
		String large = Api.body(post(pm, "/api/v1/renovation-projects/{p}/change-requests", Map.of("budgetLineId", line,
				"deltaFen", 300_000, "reason", "增加一台"), pid).andReturn()).get("id").asString();
		post(pm, "/api/v1/renovation-projects/{p}/change-requests/{c}/approval", null, pid, large)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("renovation.change.decisionRef.SPECIAL_MEETING"));
		post(pm, "/api/v1/renovation-projects/{p}/change-requests/{c}/approval", Map.of("decisionRef", "专题会议纪要 7 号"),
				pid, large)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replanRequired").value(true))
			.andExpect(jsonPath("$.budgetLines[0].amountFen").value(1_400_000));
	}

}
