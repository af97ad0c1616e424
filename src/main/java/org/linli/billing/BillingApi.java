package org.linli.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillRuns;
import org.linli.billing.domain.FeeItems;
import org.linli.billing.domain.MaintenanceFund;
import org.linli.billing.domain.Meters;
import org.linli.billing.domain.Payments;
import org.linli.billing.domain.Period;
import org.linli.shared.money.Money;

import org.springframework.stereotype.Service;

/** What other modules (work orders, the dashboard, governance, demo data) may ask of billing. */
@Service
public class BillingApi {

	/** The plan's water-loss figures (DOMAIN.md §1): 25% before the pipe works, under 5% after. */
	public static final BigDecimal WATER_LOSS_BEFORE = new BigDecimal("0.25");

	public static final BigDecimal WATER_LOSS_TARGET = new BigDecimal("0.05");

	/** The plan's property-fee collection target (DOMAIN.md §2): 90% or more. */
	public static final BigDecimal COLLECTION_TARGET = new BigDecimal("0.90");

	public record BillRunSummary(String period, int created, int bills, long totalFen) {
	}

	public record CollectionRate(String period, long billedFen, long paidFen, BigDecimal rate) {
	}

	/** Water loss of one area (the compound's master meter, or a building's) in a month. */
	public record WaterLossFigure(String area, BigDecimal masterUse, BigDecimal householdUse, BigDecimal rate,
			boolean meetsTarget) {
	}

	/** A fee item to create: kind AREA_RATE, FIXED, PARKING or METERED (then meterKind), cycle MONTH/QUARTER/YEAR. */
	public record NewFeeItem(String code, String name, String kind, String cycle, Money price, String meterKind,
			LocalDate effectiveFrom) {
	}

	private final BillRuns runs;

	private final BillQueries queries;

	private final FeeItems feeItems;

	private final Payments payments;

	private final Meters meters;

	private final MaintenanceFund fund;

	BillingApi(BillRuns runs, BillQueries queries, FeeItems feeItems, Payments payments, Meters meters,
			MaintenanceFund fund) {
		this.runs = runs;
		this.queries = queries;
		this.feeItems = feeItems;
		this.payments = payments;
		this.meters = meters;
		this.fund = fund;
	}

	/**
	 * Adds a one-off charge to a room (e.g. a chargeable repair from the work-order module), billed in the current
	 * month. Idempotent on {@code sourceRef} (e.g. {@code workorder:<id>}): the same reference twice is one bill.
	 */
	public UUID addOneOffCharge(UUID communityId, UUID roomId, String description, Money amount, String sourceRef) {
		return this.runs.oneOff(communityId, roomId, description, amount.fen(), sourceRef);
	}

	/** Runs a period ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}) for a compound; running it again is a no-op. */
	public BillRunSummary runBills(UUID communityId, String period, String by) {
		BillRuns.Result result = this.runs.run(communityId, Period.parse(period), by);
		return new BillRunSummary(result.period(), result.created(), result.bills(), result.totalFen());
	}

	public CollectionRate collectionRate(UUID communityId, String period) {
		BillQueries.Rate rate = this.queries.collectionRate(communityId, Period.parse(period).text());
		return new CollectionRate(rate.period(), rate.billedFen(), rate.paidFen(), rate.rate());
	}

	/** Water loss per master water meter for a month ({@code YYYY-MM}), compound first, for the dashboard. */
	public List<WaterLossFigure> waterLoss(UUID communityId, String month) {
		return this.meters.waterLoss(communityId, Period.parse(month).text())
			.stream()
			.map(w -> new WaterLossFigure(w.area(), w.masterUse(), w.householdUse(), w.rate(),
					w.rate().compareTo(WATER_LOSS_TARGET) < 0))
			.toList();
	}

	/** The balance of a room's maintenance-fund account. */
	public Money maintenanceFundBalance(UUID communityId, UUID roomId) {
		return Money.ofFen(this.fund.balance(communityId, roomId));
	}

	public UUID contributeToMaintenanceFund(UUID communityId, UUID roomId, Money amount, String note, String by) {
		return this.fund.record(communityId, roomId, "CONTRIBUTION", amount.fen(), note, by);
	}

	public UUID createFeeItem(UUID communityId, NewFeeItem item) {
		return this.feeItems.create(communityId, new FeeItems.NewItem(item.code(), item.name(), item.kind(),
				item.cycle(), item.price().fen(), item.meterKind(), item.effectiveFrom(), null));
	}

	public boolean hasFeeItems(UUID communityId) {
		return !this.feeItems.list(communityId).isEmpty();
	}

	/** A building's own rate for an area-rated item (towers with elevators cost more to run). */
	public void setBuildingRate(UUID communityId, UUID feeItemId, UUID buildingId, Money price) {
		this.feeItems.setRate(communityId, feeItemId, null, buildingId, price.fen());
	}

	public void setUseRate(UUID communityId, UUID feeItemId, String roomUse, Money price) {
		this.feeItems.setRate(communityId, feeItemId, roomUse, null, price.fen());
	}

	/** Records money received at the desk (channel CASH, TRANSFER or POS); answers the receipt number. */
	public String recordOfflinePayment(UUID communityId, UUID roomId, Money amount, String channel,
			String idempotencyKey, String by) {
		return this.payments.recordOffline(communityId, roomId, amount.fen(), channel, List.of(), idempotencyKey, by)
			.receiptNo();
	}

	/** Open amounts per room, oldest first (for reminders, dashboards and the demo's payments). */
	public java.util.Map<UUID, List<Money>> outstandingByRoom(UUID communityId) {
		return this.queries.outstandingByRoom(communityId);
	}

	/** Reduces (percent 1-99) or exempts (100) a hardship household's fees from a date; applies to later runs. */
	public UUID reduceFees(UUID communityId, UUID roomId, int percent, String reason, LocalDate from, String by) {
		return this.feeItems.reduce(communityId, roomId, null, percent, reason, from, null, by);
	}

	/** A month's readings of many meters at once (device telemetry, imports, demo data). */
	public void recordReadings(UUID communityId, String month, java.util.Map<UUID, BigDecimal> readings, String by) {
		this.meters.recordMonth(communityId, Period.parse(month), readings, "IMPORT", by);
	}

	/** One payment of a history import: a room, an amount, CASH/TRANSFER/POS, a unique key. */
	public record ImportedPayment(UUID roomId, Money amount, String channel, String key) {
	}

	/**
	 * Imports offline payment history in bulk (one payment per room per call), allocated oldest bill first with
	 * numbered receipts; keys imported before are skipped. Answers how many were imported.
	 */
	public int importPayments(UUID communityId, List<ImportedPayment> payments, String by) {
		return this.payments.importOffline(communityId, payments.stream()
			.map(p -> new Payments.Imported(p.roomId(), p.amount().fen(), p.channel(), p.key()))
			.toList(), by);
	}

	public UUID createMeter(UUID communityId, String kind, String code, UUID parentId, UUID roomId, String areaName) {
		return this.meters.create(communityId, kind, code, parentId, roomId, areaName);
	}

	public void recordReading(UUID communityId, UUID meterId, String month, BigDecimal reading, String by) {
		this.meters.record(communityId, meterId, Period.parse(month), reading, "MANUAL", by);
	}

}
