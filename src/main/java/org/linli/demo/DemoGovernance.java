package org.linli.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.governance.Choice;
import org.linli.governance.GovernanceApi;
import org.linli.governance.GovernanceApi.DisputeParty;
import org.linli.governance.Matter;
import org.linli.registry.ExclusivePart;
import org.linli.registry.RegistryApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Governance demo content for 幸福里小区, once, after the compound exists: a closed vote with its result (the
 * property company's renewal, adopted), an open vote on the elevator retrofit (three quarters needed) that the
 * {@code resident} account can still vote in, a joint meeting with action items (one overdue) and a few mediation
 * cases on different levels.
 */
@Component
@Order(20)
class DemoGovernance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGovernance.class);

	private static final String BY = "committee";

	private final DemoSeeding seeding;

	private final RegistryApi registry;

	private final GovernanceApi governance;

	private final Clock clock;

	DemoGovernance(DemoSeeding seeding, RegistryApi registry, GovernanceApi governance, Clock clock) {
		this.seeding = seeding;
		this.registry = registry;
		this.governance = governance;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UUID cid = this.seeding.demoCompound(DemoSeeding.MODULE_SEEDING).orElse(null);
		if (cid == null || !this.governance.votes(cid).isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<ExclusivePart> parts = this.registry.exclusiveParts(cid, now.toLocalDate());

		UUID renewal = this.governance.createVote(cid, "续聘幸福里物业服务有限公司（2027—2029年）", Matter.PROPERTY_COMPANY,
				"物业服务合同将于2026年12月31日到期。业主委员会提议按原标准续聘三年，服务质量考核结果已公示。", now.plusDays(1), BY);
		this.governance.openVote(renewal, BY);
		this.governance.castOnline(renewal, choices(parts, 9, new int[] { 7, 2, 1 }), BY);
		this.governance.closeVote(renewal, BY);

		UUID elevators = this.governance.createVote(cid, "使用专项维修资金加装电梯（12部）", Matter.REBUILD,
				"为没有电梯的12个单元加装电梯，政府补贴30%，其余按楼层分摊。方案见公告栏及业主大会议事规则附件。",
				now.plusDays(14), BY);
		this.governance.openVote(elevators, BY);
		// about 40% have voted so far; the owners of the first room (the `resident` demo account) have not
		this.governance.castOnline(elevators, choices(parts.subList(1, parts.size()), 4, new int[] { 8, 1, 1 }), BY);

		LocalDate today = now.toLocalDate();
		UUID meeting = this.governance.recordMeeting(cid, "幸福里四方联席会议（" + today.getMonthValue() + "月）",
				today.minusDays(10), "社区党群服务中心议事厅", "1. 加装电梯表决安排\n2. 非机动车充电棚选址\n3. 二号楼漏水纠纷",
				"各方通报本月工作。业委会介绍加装电梯表决安排，物业汇报充电棚选址两处备选。居民代表反映夜间停车占用消防通道。",
				"1. 加装电梯表决于本月开启，纸质选票由物业协助送达。\n2. 物业两周内划定临时停车位并清理消防通道。",
				Map.of("PARTY", List.of("刘书记"), "COMMITTEE", List.of("陈主任", "吴委员"), "PROPERTY", List.of("周经理"),
						"RESIDENTS", List.of("郑阿姨", "王师傅")),
				BY);
		this.governance.addActionItem(cid, meeting, "清理消防通道并划定临时停车位", "周经理", "PROPERTY", today.minusDays(2), BY);
		this.governance.addActionItem(cid, meeting, "张贴加装电梯表决通知并登记纸质选票", "陈主任", "COMMITTEE",
				today.plusDays(7), BY);
		this.governance.addActionItem(cid, meeting, "征集充电棚选址意见", "郑阿姨", "RESIDENTS", today.plusDays(14), BY);

		UUID noise = this.governance.openDispute(cid, "5号楼夜间装修噪音", "NOISE", "502室夜间装修，楼下住户多次投诉。",
				List.of(new DisputeParty("李桂英", "5号楼1-402"), new DisputeParty("赵志强", "5号楼1-502")), "楼栋长孙阿姨",
				BY);
		this.governance.resolveDispute(cid, noise, "约定工作日8:00—18:00施工，周末不施工。", "SATISFIED", BY);
		UUID leak = this.governance.openDispute(cid, "2号楼厨房漏水", "LEAK", "楼上厨房防水层老化，楼下天花板渗水。",
				List.of(new DisputeParty("王秀兰", "2号楼2-301"), new DisputeParty("陈磊", "2号楼2-401")), "物业周经理", BY);
		this.governance.resolveDispute(cid, leak, "物业维修防水层，费用由楼上业主承担，楼下天花板由物业修补。", "NEUTRAL", BY);
		this.governance.openDispute(cid, "车位长期被占用", "PARKING", "业主固定车位常被外来车辆占用。",
				List.of(new DisputeParty("杨勇", "9号楼1-201"), new DisputeParty("外来车辆车主", null)), "物业客服", BY);
		this.governance.openDispute(cid, "宠物犬未拴绳", "PETS", "小区花园内宠物犬未拴绳，惊吓老人。",
				List.of(new DisputeParty("黄丽", "11号楼2-101"), new DisputeParty("徐涛", "11号楼2-601")), "楼栋长", BY);
		log.info("Demo mode: governance content for {} created", DemoCompound.CODE);
	}

	/**
	 * Deterministic ballots: rooms whose position ends in 0 to {@code tenths - 1} vote (by their owners), and every ten
	 * ballots split into approve, reject and abstain by {@code weights}.
	 */
	private static Map<UUID, Choice> choices(List<ExclusivePart> parts, int tenths, int[] weights) {
		Map<UUID, Choice> choices = new HashMap<>();
		int counted = 0;
		for (int i = 0; i < parts.size(); i++) {
			ExclusivePart part = parts.get(i);
			if (part.ownerIds().isEmpty() || i % 10 >= tenths) {
				continue;
			}
			int slot = counted++ % 10;
			Choice choice = slot < weights[0] ? Choice.APPROVE
					: slot < weights[0] + weights[1] ? Choice.REJECT : Choice.ABSTAIN;
			part.ownerIds().forEach(owner -> choices.putIfAbsent(owner, choice));
		}
		return choices;
	}

}
