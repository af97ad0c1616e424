package org.linli.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.BillingApi;
import org.linli.registry.BillableRoom;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing content of the demo compound, once, in demo mode: fee items (property fee by building, garbage fee,
 * metered water), the last four months of bills with a realistic collection of about 88% (older months better paid
 * than the current one), a few hardship reductions, water meters for 1#-2# with readings that show the water loss
 * falling from about 25% to under 5% after the pipe works, and maintenance-fund contributions for 1#.
 */
@Component
@Order(30)
class DemoBilling implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoBilling.class);

	private static final int MONTHS = 4;

	/** Water loss of the building areas per demo month, oldest first: before, during and after the pipe works. */
	private static final String[] LOSS = { "0.248", "0.120", "0.046", "0.039" };

	private final DemoSeeding seeding;

	private final RegistryApi registry;

	private final BillingApi billing;

	private final Clock clock;

	DemoBilling(DemoSeeding seeding, RegistryApi registry, BillingApi billing, Clock clock) {
		this.seeding = seeding;
		this.registry = registry;
		this.billing = billing;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UUID cid = this.seeding.demoCompound(DemoSeeding.MODULE_SEEDING).orElse(null);
		if (cid == null || this.billing.hasFeeItems(cid)) {
			return;
		}
		long start = System.nanoTime();
		List<BillableRoom> rooms = this.registry.billableRooms(cid);
		YearMonth current = YearMonth.now(this.clock);
		YearMonth first = current.minusMonths(MONTHS - 1);
		LocalDate from = first.minusMonths(1).atDay(1);
		UUID property = this.billing.createFeeItem(cid, new BillingApi.NewFeeItem("PROPERTY", "物业服务费", "AREA_RATE",
				"MONTH", Money.ofYuan("1.20"), null, from));
		this.billing.createFeeItem(cid, new BillingApi.NewFeeItem("GARBAGE", "生活垃圾清运费", "FIXED", "MONTH",
				Money.ofYuan("8.00"), null, from));
		this.billing.createFeeItem(cid, new BillingApi.NewFeeItem("WATER", "自来水费", "METERED", "MONTH",
				Money.ofYuan("3.50"), "WATER", from));
		// towers with elevators (5#-14#) cost more to run than the walk-ups
		rooms.stream()
			.filter(r -> !List.of("1号楼", "2号楼", "3号楼", "4号楼").contains(r.building()))
			.map(BillableRoom::buildingId)
			.distinct()
			.forEach(b -> this.billing.setBuildingRate(cid, property, b, Money.ofYuan("1.80")));
		for (int i = 0; i < rooms.size(); i += 300) {
			this.billing.reduceFees(cid, rooms.get(i + 17).roomId(), i % 600 == 0 ? 100 : 50, "低保家庭物业费减免", from,
					"demo");
		}
		long t0 = System.nanoTime();
		meters(cid, rooms, first);
		long t1 = System.nanoTime();
		for (int m = 0; m < MONTHS; m++) {
			this.billing.runBills(cid, first.plusMonths(m).toString(), "demo");
		}
		long t2 = System.nanoTime();
		pay(cid, rooms);
		long t3 = System.nanoTime();
		rooms.stream().filter(r -> "1号楼".equals(r.building())).forEach(r -> this.billing.contributeToMaintenanceFund(
				cid, r.roomId(), Money.ofFen(r.exclusiveArea().multiply(BigDecimal.valueOf(3000)).longValueExact()),
				"首期维修资金（30元/㎡）", "demo"));
		log.info("Demo mode: billing content for {} created in {} ms (meters {} ms, bill runs {} ms, payments {} ms)",
				DemoCompound.CODE, (System.nanoTime() - start) / 1_000_000, (t1 - t0) / 1_000_000,
				(t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
	}

	/** 80% of households pay everything, 7% all but the current month, 5% all but two, 8% nothing yet. */
	private void pay(UUID cid, List<BillableRoom> rooms) {
		Map<UUID, List<Money>> open = this.billing.outstandingByRoom(cid);
		List<BillingApi.ImportedPayment> payments = new ArrayList<>();
		for (int i = 0; i < rooms.size(); i++) {
			UUID room = rooms.get(i).roomId();
			List<Money> amounts = open.getOrDefault(room, List.of());
			int slot = Math.floorMod(i * 37 + 11, 100);
			// the demo resident (room 0) keeps the current month open, so the app shows something to pay
			int unpaidMonths = i == 0 ? 1 : slot < 80 ? 0 : slot < 87 ? 1 : slot < 92 ? 2 : MONTHS;
			long due = 0;
			for (int b = 0; b < amounts.size(); b++) {
				// bills are oldest first, one to three per month; leave the newest months' bills open
				if (b < amounts.size() - lastBills(amounts.size(), unpaidMonths)) {
					due += amounts.get(b).fen();
				}
			}
			if (due > 0) {
				String channel = slot % 3 == 0 ? "CASH" : slot % 3 == 1 ? "TRANSFER" : "POS";
				payments.add(new BillingApi.ImportedPayment(room, Money.ofFen(due), channel, "demo-" + room));
			}
		}
		this.billing.importPayments(cid, payments, "demo");
	}

	private static int lastBills(int bills, int unpaidMonths) {
		return unpaidMonths >= MONTHS ? bills : Math.round((float) bills * unpaidMonths / MONTHS);
	}

	/** A master meter for 1#-2#, one per building, one per household; a baseline reading and four months. */
	private void meters(UUID cid, List<BillableRoom> rooms, YearMonth first) {
		UUID area = this.billing.createMeter(cid, "WATER", "W-XFL-A", null, null, "1-2号楼供水区");
		List<UUID> buildingMeters = new ArrayList<>();
		List<List<UUID>> households = new ArrayList<>();
		for (String building : List.of("1号楼", "2号楼")) {
			UUID master = this.billing.createMeter(cid, "WATER", "W-" + building.charAt(0) + "-M", area, null, building);
			buildingMeters.add(master);
			List<UUID> ids = new ArrayList<>();
			for (BillableRoom room : rooms.stream().filter(r -> building.equals(r.building())).toList()) {
				ids.add(this.billing.createMeter(cid, "WATER",
						"W-" + building.charAt(0) + "-" + room.unit() + "-" + room.number(), master, room.roomId(), null));
			}
			households.add(ids);
		}
		BigDecimal areaTotal = BigDecimal.valueOf(5000);
		BigDecimal[] buildingTotals = { BigDecimal.valueOf(2000), BigDecimal.valueOf(2000) };
		BigDecimal[][] readings = new BigDecimal[2][];
		for (int b = 0; b < 2; b++) {
			readings[b] = new BigDecimal[households.get(b).size()];
			java.util.Arrays.fill(readings[b], BigDecimal.valueOf(100 + b * 50));
		}
		for (int m = 0; m <= MONTHS; m++) {
			String month = first.plusMonths(m - 1).toString();
			Map<UUID, BigDecimal> batch = new java.util.HashMap<>();
			BigDecimal areaUse = BigDecimal.ZERO;
			for (int b = 0; b < 2; b++) {
				BigDecimal sum = BigDecimal.ZERO;
				for (int h = 0; h < households.get(b).size(); h++) {
					if (m > 0) {
						BigDecimal use = BigDecimal.valueOf(800 + Math.floorMod(h * 53 + b * 17 + m * 29, 700), 2);
						readings[b][h] = readings[b][h].add(use);
						sum = sum.add(use);
					}
					batch.put(households.get(b).get(h), readings[b][h]);
				}
				if (m > 0) {
					BigDecimal master = sum.divide(BigDecimal.ONE.subtract(new BigDecimal(LOSS[m - 1])), 2,
							java.math.RoundingMode.HALF_UP);
					buildingTotals[b] = buildingTotals[b].add(master);
					areaUse = areaUse.add(master);
				}
				batch.put(buildingMeters.get(b), buildingTotals[b]);
			}
			// the area master sees the building masters plus a little loss on the mains between them
			areaTotal = areaTotal.add(areaUse.multiply(new BigDecimal("1.01")).setScale(2, java.math.RoundingMode.HALF_UP));
			batch.put(area, areaTotal);
			this.billing.recordReadings(cid, month, batch, "demo");
		}
	}

}
