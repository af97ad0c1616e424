package org.linli.demo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.ledger.LedgerApi;
import org.linli.renovation.RenovationApi;
import org.linli.renovation.Views;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo compound's renovation project (DOMAIN.md §1, §7) with real, signed flows in a ledger that verifies. */
@LinliIntegrationTest
class DemoRenovationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RenovationApi renovation;

	@Autowired
	LedgerApi ledger;

	@Autowired
	DemoRenovation demoRenovation;

	@Autowired
	MockMvc mvc;

	private UUID xingfuli() {
		return this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class).single();
	}

	private Views.Project demoProject() {
		List<Views.Project> found = this.renovation.projects(xingfuli()).stream()
			.filter(p -> p.name().equals(DemoRenovation.PROJECT))
			.toList();
		assertThat(found).hasSize(1);
		return found.getFirst();
	}

	@Test
	void theDemoProjectHasThePlansBudgetFundingAndAnAcceptedBasicWorksPhase() {
		Views.Project project = demoProject();
		assertThat(project.budgetFen()).isEqualTo(2_900_000_000L);
		assertThat(project.budgetLines()).extracting(Views.BudgetLine::code, Views.BudgetLine::amountFen)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("PIPES", 680_000_000L),
					org.assertj.core.groups.Tuple.tuple("ELEVATORS", 960_000_000L),
					org.assertj.core.groups.Tuple.tuple("PARKING", 420_000_000L),
					org.assertj.core.groups.Tuple.tuple("PLATFORM", 480_000_000L),
					org.assertj.core.groups.Tuple.tuple("SECURITY", 360_000_000L));
		assertThat(project.contingencyFen()).isEqualTo(145_000_000L);
		assertThat(project.fundingSources()).extracting(s -> s.kind().name() + " " + s.sharePercent())
			.containsExactly("GOVERNMENT 40.0", "SOCIAL_CAPITAL 30.0", "CROWDFUNDING 20.0", "SELF_RAISED 10.0");
		assertThat(project.budgetApproved()).isTrue();
		assertThat(project.phases().getFirst().progressPercent()).isEqualTo(100);
		assertThat(project.phases().get(1).progressPercent()).isBetween(1, 99);
		assertThat(project.milestones()).filteredOn(m -> m.code().equals("M6"))
			.allSatisfy(m -> assertThat(m.achievedOn()).isNotNull());
		assertThat(project.contracts()).filteredOn(k -> k.acceptedOn() != null).hasSize(3);
		assertThat(project.status()).isEqualTo("GREEN");
		assertThat(project.contingencyPlanOpen()).isFalse();

		// every basic-works contract paid 90% (60% progress + 30% acceptance), each payment signed by the three
		List<Views.Disbursement> payments = this.renovation.disbursements(project.id());
		assertThat(payments).hasSize(7).allSatisfy(d -> {
			assertThat(d.status()).isEqualTo("DISBURSED");
			assertThat(d.signatures()).extracting(Views.Signature::username)
				.containsExactlyInAnyOrder("pm", "engineer", "ownerrep");
		});
		assertThat(project.budgetLines()).filteredOn(l -> l.code().equals("PIPES"))
			.allSatisfy(l -> assertThat(l.disbursedFen()).isEqualTo(585_000_000L));
		long received = project.fundingSources().stream().mapToLong(Views.Source::receivedFen).sum();
		long paid = project.budgetLines().stream().mapToLong(Views.BudgetLine::disbursedFen).sum();
		assertThat(received).isGreaterThan(paid);
	}

	@Test
	void theDemoLedgerHoldsTheFlowsVerifiesAndIsPublic() throws Exception {
		UUID cid = xingfuli();
		long receipts = this.jdbc.sql("select count(*) from ledger.entry where community_id = :c and payload like :t")
			.param("c", cid).param("t", "%\"type\":\"FUND_RECEIPT\"%").query(Long.class).single();
		long payments = this.jdbc.sql("select count(*) from ledger.entry where community_id = :c and payload like :t")
			.param("c", cid).param("t", "%\"type\":\"DISBURSEMENT\"%").query(Long.class).single();
		assertThat(receipts).isGreaterThanOrEqualTo(5);
		assertThat(payments).isGreaterThanOrEqualTo(7);
		assertThat(this.ledger.verify(cid).intact()).isTrue();
		assertThat(this.ledger.latestTreeHead(cid)).isPresent();
		assertThat(this.mvc.perform(get("/public/xingfuli/funds")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains(DemoRenovation.PROJECT).contains("6,800,000.00").contains("ledger-entry")
			.doesNotContain("tamper-banner");
	}

	@Test
	void runningTheRenovationSeedAgainChangesNothing() throws Exception {
		UUID cid = xingfuli();
		long size = this.ledger.status(cid).orElseThrow().treeSize();
		int projects = this.renovation.projects(cid).size();
		this.demoRenovation.run(new DefaultApplicationArguments());
		assertThat(this.renovation.projects(cid)).hasSize(projects);
		assertThat(this.ledger.status(cid).orElseThrow().treeSize()).isEqualTo(size);
		demoProject();
	}

}
