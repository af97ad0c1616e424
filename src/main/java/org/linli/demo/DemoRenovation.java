package org.linli.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.ledger.LedgerApi;
import org.linli.renovation.Actor;
import org.linli.renovation.FundingKind;
import org.linli.renovation.PaymentRequest;
import org.linli.renovation.PaymentStage;
import org.linli.renovation.ProjectPlan;
import org.linli.renovation.RenovationApi;
import org.linli.renovation.ReviewStep;
import org.linli.renovation.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo compound's renovation project as the plan describes it (DOMAIN.md §1, §7): the five works and their
 * budget (29M yuan), the "432" funding, the three budget reviews, contracts, the basic-works phase (pipes, elevators,
 * parking) accepted at month 6 with its progress and acceptance payments signed by the owners' representative, the
 * supervising engineer and the project manager (the demo accounts), and the smart platform under way. It started
 * eight months before the first start, so the schedule reads as a project in its second phase. Created once; every
 * step goes through the renovation rules and lands in the public ledger.
 */
@Component
@Order(60)
class DemoRenovation implements ApplicationRunner {

	static final String PROJECT = "幸福里小区综合改造";

	private static final long YUAN = 100;

	private static final Logger log = LoggerFactory.getLogger(DemoRenovation.class);

	private final DemoSeeding seeding;

	private final IdentityApi identity;

	private final RenovationApi renovation;

	private final LedgerApi ledger;

	private final Clock clock;

	DemoRenovation(DemoSeeding seeding, IdentityApi identity, RenovationApi renovation,
			LedgerApi ledger, Clock clock) {
		this.seeding = seeding;
		this.identity = identity;
		this.renovation = renovation;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UUID cid = this.seeding.demoCompound(DemoSeeding.MODULE_SEEDING).orElse(null);
		if (cid == null || this.renovation.projects(cid).stream().anyMatch(p -> PROJECT.equals(p.name()))) {
			return;
		}
		Actor pm = actor("pm", Role.PROJECT_MANAGER);
		Actor engineer = actor("engineer", Role.SUPERVISING_ENGINEER);
		Actor ownerrep = actor("ownerrep", Role.OWNER_REPRESENTATIVE);
		LocalDate start = LocalDate.now(this.clock).minusMonths(8).withDayOfMonth(1);

		UUID project = this.renovation.createProject(cid, new ProjectPlan(PROJECT, start, List.of(
				new ProjectPlan.Line("PIPES", "供水管网更换（8公里）", 1, 6_800_000 * YUAN),
				new ProjectPlan.Line("ELEVATORS", "加装电梯（12部）", 1, 9_600_000 * YUAN),
				new ProjectPlan.Line("PARKING", "新增停车位（200个，30%带充电桩）", 1, 4_200_000 * YUAN),
				new ProjectPlan.Line("PLATFORM", "智慧社区平台", 3, 4_800_000 * YUAN),
				new ProjectPlan.Line("SECURITY", "安防设备", 3, 3_600_000 * YUAN)),
				// the "432" structure over the 29M budget
				List.of(new ProjectPlan.Source(FundingKind.GOVERNMENT, 11_600_000 * YUAN),
						new ProjectPlan.Source(FundingKind.SOCIAL_CAPITAL, 8_700_000 * YUAN),
						new ProjectPlan.Source(FundingKind.CROWDFUNDING, 5_800_000 * YUAN),
						new ProjectPlan.Source(FundingKind.SELF_RAISED, 2_900_000 * YUAN))),
				pm);
		this.renovation.review(project, ReviewStep.PROJECT_UNIT, "幸福里小区改造项目办", "XFL-GZ-2026-01", pm);
		this.renovation.review(project, ReviewStep.FINANCE, "和平区财政局", "HPCZ-2026-017", pm);
		this.renovation.review(project, ReviewStep.THIRD_PARTY, "示范工程造价咨询有限公司", "SFZX-2026-032", pm);

		this.renovation.receiveFunds(project, FundingKind.GOVERNMENT, 6_000_000 * YUAN, start.plusDays(10),
				"HPCZ-BK-0001", pm);
		this.renovation.receiveFunds(project, FundingKind.SOCIAL_CAPITAL, 6_000_000 * YUAN, start.plusDays(20),
				"SHZB-0001", pm);
		this.renovation.receiveFunds(project, FundingKind.CROWDFUNDING, 4_200_000 * YUAN, start.plusMonths(1),
				"ZC-2026-0001", pm);
		this.renovation.receiveFunds(project, FundingKind.SELF_RAISED, 2_900_000 * YUAN, start.plusMonths(1),
				"ZC-2026-0002", pm);
		this.renovation.receiveFunds(project, FundingKind.GOVERNMENT, 3_000_000 * YUAN, start.plusMonths(5),
				"HPCZ-BK-0002", pm);
		this.renovation.achieveMilestone(project, "M3", start.plusMonths(3).minusDays(3),
				"居民需求调查覆盖率91%，改造方案已公示", pm);

		Map<String, UUID> lines = new java.util.HashMap<>();
		for (Views.BudgetLine line : this.renovation.project(project).orElseThrow().budgetLines()) {
			lines.put(line.code(), line.id());
		}
		LocalDate signed = start.plusDays(15);
		UUID pipes = this.renovation.createContract(project, lines.get("PIPES"), "示范市供水工程有限公司",
				"供水管网更换工程", 6_500_000 * YUAN, signed, 24, pm);
		UUID elevators = this.renovation.createContract(project, lines.get("ELEVATORS"), "示范电梯安装有限公司",
				"12部加装电梯供货及安装", 9_360_000 * YUAN, signed, 24, pm);
		UUID parking = this.renovation.createContract(project, lines.get("PARKING"), "示范市政建设集团",
				"停车位及充电桩建设", 4_100_000 * YUAN, signed, 24, pm);
		UUID platform = this.renovation.createContract(project, lines.get("PLATFORM"), "示范智慧科技有限公司",
				"智慧社区平台建设", 4_500_000 * YUAN, start.plusMonths(6), 12, pm);

		// the schedule as it stands today (recorded first, so no step reads as an overrun): basic works done, services
		// under way, the platform begun
		this.renovation.reportProgress(project, 1, 100, engineer);
		this.renovation.reportProgress(project, 2, 40, pm);
		this.renovation.reportProgress(project, 3, 10, pm);

		// basic works: 60% progress payments, acceptance at month 6 with the third-party report, then 30%
		Map<UUID, Long> basicWorks = Map.of(pipes, 6_500_000 * YUAN, elevators, 9_360_000 * YUAN, parking,
				4_100_000 * YUAN);
		for (UUID contract : List.of(pipes, elevators, parking)) {
			pay(contract, basicWorks.get(contract) * 60 / 100, PaymentStage.PROGRESS, "进度款（完成60%工程量）", pm,
					engineer, ownerrep);
		}
		LocalDate accepted = start.plusMonths(6).minusDays(5);
		for (UUID contract : List.of(pipes, elevators, parking)) {
			this.renovation.acceptContract(contract, accepted, engineer);
			pay(contract, basicWorks.get(contract) * 30 / 100, PaymentStage.ACCEPTANCE, "验收款（竣工验收合格）", pm,
					engineer, ownerrep);
		}
		this.renovation.achieveMilestone(project, "M6", accepted, "第三方验收报告 SFJC-2026-118", pm);
		pay(platform, 450_000 * YUAN, PaymentStage.PROGRESS, "平台开发首期进度款", pm, engineer, ownerrep);
		this.ledger.publishTreeHead(cid);
		log.info("Demo mode: created the renovation project of {} with its ledger", DemoCompound.CODE);
	}

	/** Requests a payment on the contract, has the three parties sign it and releases it. */
	private void pay(UUID contract, long amountFen, PaymentStage stage, String purpose, Actor pm, Actor engineer,
			Actor ownerrep) {
		UUID payment = this.renovation.requestDisbursement(contract, PaymentRequest.of(stage, amountFen, purpose), pm);
		this.renovation.sign(payment, null, null, ownerrep);
		this.renovation.sign(payment, null, null, engineer);
		this.renovation.sign(payment, null, null, pm);
		this.renovation.release(payment, pm);
	}

	private Actor actor(String username, Role role) {
		return new Actor(this.identity.accountId(username).orElseThrow(), username, Set.of(role));
	}

}
