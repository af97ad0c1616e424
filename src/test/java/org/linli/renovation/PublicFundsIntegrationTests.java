package org.linli.renovation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.ledger.LedgerApi;
import org.linli.ledger.domain.HashAlgorithm;
import org.linli.ledger.domain.Merkle;
import org.linli.registry.CompoundPlan;
import org.linli.registry.RegistryApi;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /public/{compound}/funds: no sign-in, the figures, proofs that check against the signed head, the tamper banner. */
@LinliIntegrationTest
class PublicFundsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	RenovationApi renovation;

	@Autowired
	IdentityApi identity;

	@Autowired
	LedgerApi ledger;

	@Autowired
	TransactionTemplate transactions;

	private Actor actor(String username, Role role) {
		return new Actor(this.identity.accountId(username).orElseThrow(), username, Set.of(role));
	}

	/** A small compound of its own, so the demo compound's ledger stays untouched. */
	private UUID compound(String code) {
		var person = new CompoundPlan.PersonPlan("p1", "测试业主", 'M', LocalDate.of(1970, 1, 1),
				CompoundPlan.Relation.OWNER, null, null);
		var room = new CompoundPlan.RoomPlan("1", 1, "101", new BigDecimal("80.00"), CompoundPlan.AreaSource.REGISTERED,
				new BigDecimal("80.00"), LocalDate.of(2010, 1, 1), List.of(person),
				new CompoundPlan.OwnerPlan(CompoundPlan.OwnerType.PERSON, List.of("p1"), LocalDate.of(2010, 1, 1)));
		return this.registry.createCompound(new CompoundPlan(code, "公示测试小区", "测试路1号", 2000,
				List.of(new CompoundPlan.BuildingPlan("1号楼", false, List.of(room))))).communityId();
	}

	private String page(String code, Cookie... cookies) throws Exception {
		var request = get("/public/{code}/funds", code);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void anyoneSeesTheFiguresAndProofsThatCheckAndATamperedLedgerIsAnnounced() throws Exception {
		String code = "funds" + UUID.randomUUID().toString().substring(0, 8);
		UUID cid = compound(code);
		Actor pm = actor("pm", Role.PROJECT_MANAGER);
		UUID project = this.renovation.createProject(cid, new ProjectPlan("公示测试改造", LocalDate.of(2026, 1, 1),
				List.of(new ProjectPlan.Line("PIPES", "供水管网更换", 1, 1_000_000L),
						new ProjectPlan.Line("LIFTS", "加装电梯", 2, 2_000_000L)),
				List.of(new ProjectPlan.Source(FundingKind.GOVERNMENT, 3_000_000L))), pm);
		for (ReviewStep step : ReviewStep.values()) {
			this.renovation.review(project, step, "审核单位", null, pm);
		}
		this.renovation.receiveFunds(project, FundingKind.GOVERNMENT, 2_400_000L, LocalDate.of(2026, 1, 10), "ZF-9",
				pm);
		UUID pipes = this.renovation.project(project).orElseThrow().budgetLines().stream()
			.filter(l -> l.code().equals("PIPES")).findFirst().orElseThrow().id();
		UUID contract = this.renovation.createContract(project, pipes, "公示管道公司", "管网", 1_000_000L,
				LocalDate.of(2026, 1, 12), 12, pm);
		UUID payment = this.renovation.requestDisbursement(contract,
				PaymentRequest.of(PaymentStage.PROGRESS, 500_000L, "一期进度款"), pm);
		this.renovation.sign(payment, null, null, actor("ownerrep", Role.OWNER_REPRESENTATIVE));
		this.renovation.sign(payment, null, null, actor("engineer", Role.SUPERVISING_ENGINEER));
		this.renovation.sign(payment, null, null, pm);
		this.renovation.release(payment, pm);

		String html = page(code);
		assertThat(html).contains("公示测试改造").contains("24,000.00").contains("5,000.00").contains("供水管网更换")
			.contains("50.0%").contains("完成付款").contains("三方已签字").contains("id=\"tree-head\"")
			.contains("ledger-verify.js").contains("verify-ledger")
			.doesNotContain("tamper-banner").doesNotContain("ownerrep").doesNotContain("engineer");

		// every entry's proof on the page leads from its payload to the signed root shown
		Matcher head = Pattern.compile("data-algorithm=\"([^\"]+)\" data-root=\"([0-9a-f]+)\"").matcher(html);
		assertThat(head.find()).isTrue();
		Merkle merkle = new Merkle(HashAlgorithm.ofLabel(head.group(1)));
		byte[] root = Merkle.unhex(head.group(2));
		Matcher entry = Pattern.compile("data-index=\"(\\d+)\" data-size=\"(\\d+)\" data-path=\"([0-9a-f ]*)\"[\\s\\S]*?"
				+ "<pre class=\"payload wrap\">([^<]*)</pre>").matcher(html);
		int checked = 0;
		while (entry.find()) {
			List<byte[]> path = new ArrayList<>();
			for (String hash : entry.group(3).split(" ")) {
				if (!hash.isEmpty()) {
					path.add(Merkle.unhex(hash));
				}
			}
			String payload = HtmlUtils.htmlUnescape(entry.group(4));
			assertThat(merkle.verifyInclusion(Long.parseLong(entry.group(1)), Long.parseLong(entry.group(2)),
					merkle.leafHash(payload), path, root)).as("entry %s", entry.group(1)).isTrue();
			checked++;
		}
		assertThat(checked).isGreaterThan(10);

		// in English through the language switch
		assertThat(page(code, new Cookie("linli_lang", "en"))).contains("public fund ledger").contains("Payment made")
			.contains("Budget and spending per work");

		// an insider changes the receipt's amount in the database: verification marks the ledger, the page says so
		long receiptIndex = this.jdbc.sql("select ledger_index from renovation.fund_receipt where project_id = :p")
			.param("p", project).query(Long.class).single();
		org.linli.support.LedgerTampering.replaceInPayload(this.transactions, this.jdbc, cid, receiptIndex,
				"\"amountFen\":2400000", "\"amountFen\":240000");
		assertThat(this.ledger.verify(cid).intact()).isFalse();
		assertThat(page(code)).contains("id=\"tamper-banner\"").contains("本账本已被篡改")
			.contains("第" + receiptIndex + "条记录");
		this.mvc.perform(get("/public/{code}/funds", "no-such-compound")).andExpect(status().isNotFound());
	}

}
