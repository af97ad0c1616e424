package org.linli.billing.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans (分期缴费计划) over a room's arrears. A plan covers the bills that were overdue when it was agreed and
 * splits their total into monthly instalments (remainder fen one each on the first instalments, so they sum exactly
 * to the total). What has been settled of those bills since (payments go to the oldest bills first, and credit
 * notes) fills the instalments in order; nothing is stored per instalment, so a refund that re-opens a bill empties
 * the last filled instalment again. A plan ends COMPLETED once its bills are settled, or CANCELLED with a reason.
 */
@Service
public class PaymentPlans {

	/** PAID; PARTLY_PAID (some paid, not yet due); OVERDUE (due date passed, not fully paid); DUE (nothing yet). */
	public enum InstalmentState {

		PAID, PARTLY_PAID, OVERDUE, DUE

	}

	public record Instalment(int number, LocalDate due, long amountFen, long paidFen, InstalmentState state) {
	}

	public record Plan(UUID id, UUID roomId, String room, UUID householdId, long totalFen, long paidFen,
			long overdueFen, int instalments, LocalDate firstDue, String status, int version, String createdBy,
			OffsetDateTime createdAt, OffsetDateTime endedAt, String cancelReason, String cancelledBy,
			List<Instalment> schedule) {

		public long remainingFen() {
			return this.totalFen - this.paidFen;
		}

		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

	}

	public static final int MAX_INSTALMENTS = 24;

	private static final String SELECT = """
			select p.*, r.building || ' ' || r.unit || '-' || r.number as room,
			       p.total_fen - coalesce((select sum(b.amount_fen - b.paid_fen - b.credited_fen)
			         from billing.payment_plan_bill pb
			         join billing.bill b on b.community_id = pb.community_id and b.id = pb.bill_id
			        where pb.community_id = p.community_id and pb.plan_id = p.id), 0) as settled
			  from billing.payment_plan p
			  left join billing.billable_room r on r.community_id = p.community_id and r.room_id = p.room_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	PaymentPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Splits a total into parts that sum to it exactly: the remainder fen go one each to the first parts. */
	public static long[] split(long totalFen, int parts) {
		return FeeCalculator.split(totalFen, parts);
	}

	/** Fills the instalments in order with what has been settled, and tells each one's state on {@code today}. */
	static List<Instalment> schedule(List<LocalDate> dues, long[] amounts, long settledFen, LocalDate today) {
		List<Instalment> result = new ArrayList<>();
		long left = Math.max(0, settledFen);
		for (int i = 0; i < amounts.length; i++) {
			long paid = Math.min(left, amounts[i]);
			left -= paid;
			InstalmentState state = (paid == amounts[i]) ? InstalmentState.PAID
					: dues.get(i).isBefore(today) ? InstalmentState.OVERDUE
							: (paid > 0) ? InstalmentState.PARTLY_PAID : InstalmentState.DUE;
			result.add(new Instalment(i + 1, dues.get(i), amounts[i], paid, state));
		}
		return result;
	}

	/**
	 * Agrees a plan over the room's bills that are overdue today: {@code instalments} monthly instalments from
	 * {@code firstDue}. One active plan per room.
	 */
	@Transactional
	public UUID agree(UUID communityId, UUID roomId, Integer instalments, LocalDate firstDue, String by) {
		Violations v = new Violations();
		v.require(instalments != null && instalments >= 2 && instalments <= MAX_INSTALMENTS, "instalments",
				"billing.plan.instalments.invalid");
		v.require(firstDue != null && !firstDue.isBefore(today()), "firstDue", "billing.plan.firstDue.invalid");
		v.throwIfAny();
		// the room's account row serialises plans and payments of one room
		this.jdbc.sql("insert into billing.account (community_id, room_id) values (:c, :r) on conflict do nothing")
			.param("c", communityId).param("r", roomId).update();
		this.jdbc.sql("select 1 from billing.account where community_id = :c and room_id = :r for update")
			.param("c", communityId).param("r", roomId).query().singleValue();
		if (this.jdbc.sql("select count(*) from billing.payment_plan where community_id = :c and room_id = :r "
				+ "and status = 'ACTIVE'").param("c", communityId).param("r", roomId).query(Long.class).single() > 0) {
			throw DomainException.conflict("billing.plan.exists");
		}
		record Open(UUID id, UUID householdId, long outstanding) {
		}
		List<Open> overdue = this.jdbc.sql("""
				select id, household_id, amount_fen - paid_fen - credited_fen from billing.bill b
				 where %s
				   and paid_fen + credited_fen < amount_fen and due_date < :today
				 order by due_date, created_at, id
				""".formatted(RoomBills.OF_ROOM)).param("c", communityId).param("r", roomId).param("today", Date.valueOf(today()))
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
			.list();
		if (overdue.isEmpty()) {
			throw DomainException.conflict("billing.arrears.none");
		}
		long total = overdue.stream().mapToLong(Open::outstanding).sum();
		if (total < instalments) {
			throw DomainException.invalid("instalments", "billing.plan.instalments.tooMany");
		}
		UUID householdId = this.jdbc.sql("select household_id from billing.billable_room where community_id = :c "
				+ "and room_id = :r").param("c", communityId).param("r", roomId).query(UUID.class).optional()
			.orElse(overdue.getLast().householdId());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.payment_plan (id, community_id, room_id, household_id, total_fen, instalments,
				       first_due, status, created_by, created_at)
				values (:id, :c, :r, :h, :t, :n, :first, 'ACTIVE', :by, :now)
				""").param("id", id).param("c", communityId).param("r", roomId).param("h", householdId)
			.param("t", total).param("n", instalments).param("first", Date.valueOf(firstDue)).param("by", by)
			.param("now", Timestamp.from(this.clock.instant())).update();
		long[] amounts = split(total, instalments);
		List<Date> dues = new ArrayList<>();
		for (int i = 0; i < instalments; i++) {
			dues.add(Date.valueOf(firstDue.plusMonths(i)));
		}
		this.jdbc.sql("""
				insert into billing.payment_plan_instalment (community_id, plan_id, number, due_date, amount_fen)
				select :c, :p, x.n, x.due, x.amount
				  from unnest(cast(:dues as date[]), cast(:amounts as bigint[])) with ordinality as x(due, amount, n)
				""").param("c", communityId).param("p", id)
			.param("dues", dues.stream().map(Date::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.param("amounts", java.util.Arrays.stream(amounts).mapToObj(Long::toString)
				.collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.update();
		this.jdbc.sql("""
				insert into billing.payment_plan_bill (community_id, plan_id, bill_id)
				select :c, :p, b from unnest(cast(:bills as uuid[])) as b
				""").param("c", communityId).param("p", id)
			.param("bills", Ledger.uuidArray(overdue.stream().map(Open::id).toList())).update();
		return id;
	}

	/** Cancels an active plan (the version read by the person cancelling must still be current). */
	@Transactional
	public void cancel(UUID communityId, UUID planId, String reason, Integer version, String by) {
		String text = reason == null ? "" : reason.strip();
		Violations v = new Violations();
		v.require(!text.isEmpty() && text.length() <= 200, "reason", "billing.plan.reason.invalid");
		v.throwIfAny();
		Plan plan = find(communityId, planId).orElseThrow(() -> DomainException.notFound("billing.plan.notFound"));
		if (!plan.active()) {
			throw DomainException.conflict("billing.plan.notActive");
		}
		int updated = this.jdbc.sql("""
				update billing.payment_plan set status = 'CANCELLED', cancel_reason = :reason, cancelled_by = :by,
				       ended_at = :now, version = version + 1
				 where community_id = :c and id = :id and status = 'ACTIVE' and (cast(:v as integer) is null or version = :v)
				""").param("reason", text).param("by", by).param("now", Timestamp.from(this.clock.instant()))
			.param("c", communityId).param("id", planId).param("v", version).update();
		if (updated == 0) {
			throw DomainException.conflict("billing.plan.changed");
		}
	}

	public Optional<Plan> find(UUID communityId, UUID planId) {
		return load(SELECT + " where p.community_id = :c and p.id = :id", Map.of("c", communityId, "id", planId))
			.stream().findFirst();
	}

	/** The plans of a room, newest first. */
	public List<Plan> ofRoom(UUID communityId, UUID roomId) {
		return load(SELECT + " where p.community_id = :c and p.room_id = :r order by p.created_at desc",
				Map.of("c", communityId, "r", roomId));
	}

	/** A household's plans in its room (what the resident sees), newest first. */
	public List<Plan> ofHousehold(UUID communityId, UUID roomId, UUID householdId) {
		return load(SELECT + " where p.community_id = :c and p.room_id = :r and p.household_id = :h "
				+ "order by p.created_at desc", Map.of("c", communityId, "r", roomId, "h", householdId));
	}

	/** A compound's plans: active ones first (those with an overdue instalment first), then ended ones. */
	public List<Plan> list(UUID communityId, String status, int limit) {
		List<Plan> plans = load(SELECT + " where p.community_id = :c and (cast(:s as varchar) is null or p.status = :s) "
				+ "order by case p.status when 'ACTIVE' then 0 else 1 end, p.created_at desc limit :l",
				Map.of("c", communityId, "s", status == null || status.isBlank() ? "" : status, "l", limit));
		return plans.stream()
			.sorted(java.util.Comparator.comparing((Plan p) -> !p.active()).thenComparing(p -> p.overdueFen() == 0))
			.toList();
	}

	/** Overdue instalment amounts of a compound's active plans, per room (for the arrears page). */
	public Map<UUID, Long> overdueByRoom(UUID communityId) {
		Map<UUID, Long> result = new java.util.HashMap<>();
		for (Plan plan : list(communityId, "ACTIVE", 10_000)) {
			if (plan.overdueFen() > 0) {
				result.merge(plan.roomId(), plan.overdueFen(), Long::sum);
			}
		}
		return result;
	}

	private List<Plan> load(String sql, Map<String, Object> params) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql);
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), "".equals(e.getValue()) ? null : e.getValue());
		}
		record Row(UUID id, UUID roomId, String room, UUID householdId, long total, long settled, int instalments,
				LocalDate firstDue, String status, int version, String createdBy, OffsetDateTime createdAt,
				OffsetDateTime endedAt, String reason, String cancelledBy) {
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getObject("id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getString("room"), rs.getObject("household_id", UUID.class),
				rs.getLong("total_fen"), rs.getLong("settled"), rs.getInt("instalments"),
				rs.getObject("first_due", LocalDate.class), rs.getString("status"), rs.getInt("version"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), rs.getString("cancel_reason"),
				rs.getString("cancelled_by")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		record Due(UUID planId, LocalDate due, long amount) {
		}
		Map<UUID, List<Due>> dues = this.jdbc.sql("""
				select plan_id, due_date, amount_fen from billing.payment_plan_instalment
				 where community_id = :c and plan_id = any(cast(:ids as uuid[])) order by plan_id, number
				""").param("c", params.get("c")).param("ids", Ledger.uuidArray(rows.stream().map(Row::id).toList()))
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(Due::planId, java.util.LinkedHashMap::new,
					java.util.stream.Collectors.toList()));
		LocalDate today = today();
		return rows.stream().map(r -> {
			List<Due> own = dues.getOrDefault(r.id(), List.of());
			long settled = Math.clamp(r.settled(), 0, r.total());
			if ("COMPLETED".equals(r.status())) {
				settled = r.total();
			}
			List<Instalment> schedule = schedule(own.stream().map(Due::due).toList(),
					own.stream().mapToLong(Due::amount).toArray(), settled, today);
			long overdue = "ACTIVE".equals(r.status()) ? schedule.stream()
				.filter(i -> i.state() == InstalmentState.OVERDUE)
				.mapToLong(i -> i.amountFen() - i.paidFen())
				.sum() : 0;
			return new Plan(r.id(), r.roomId(), r.room(), r.householdId(), r.total(), settled, overdue,
					r.instalments(), r.firstDue(), r.status(), r.version(), r.createdBy(), r.createdAt(), r.endedAt(),
					r.reason(), r.cancelledBy(), schedule);
		}).toList();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
