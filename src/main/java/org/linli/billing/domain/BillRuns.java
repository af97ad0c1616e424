package org.linli.billing.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bill runs (账单生成): one set-based INSERT ... SELECT per compound and period over billing's projection of rooms,
 * ON CONFLICT DO NOTHING on (community, room, fee item, period), so a repeated run creates nothing and answers the
 * same counts. Proration and rounding are those of {@link FeeCalculator}, written in SQL with integer arithmetic.
 */
@Service
public class BillRuns {

	/** What a run created (or would create, for a preview) and what the period holds after it. */
	public record Result(String period, int created, int bills, long totalFen, List<ItemLine> items) {
	}

	public record ItemLine(UUID feeItemId, String name, int bills, long totalFen) {
	}

	/** Every bill line of the period: periodic fees prorated by day, and metered consumption of monthly periods. */
	private static final String LINES = """
			with items as (
			  select i.id, i.kind, i.price_fen, i.effective_from, i.effective_until
			    from billing.fee_item i
			   where i.community_id = :c and i.cycle = :cycle and i.kind in ('AREA_RATE', 'FIXED', 'PARKING')
			     and i.effective_from <= :pe and (i.effective_until is null or i.effective_until >= :ps)),
			red as (
			  select x.room_id, x.fee_item_id, max(x.percent) as pct from billing.reduction x
			   where x.community_id = :c and x.valid_from <= :pe and (x.valid_until is null or x.valid_until >= :ps)
			   group by x.room_id, x.fee_item_id),
			periodic as (
			  select r.room_id, r.household_id, i.id as item_id,
			         coalesce(rb.price_fen, ru.price_fen, i.price_fen) as price,
			         case when i.kind = 'AREA_RATE' then (r.area * 100)::bigint else coalesce(s.quantity, 1) * 100 end as qty,
			         least(:pe, r.occupied_until, i.effective_until, s.until)
			           - greatest(:ps, r.occupied_from, i.effective_from, s.since) + 1 as days,
			         greatest(coalesce(ra.pct, 0), coalesce(rs.pct, 0)) as pct
			    from billing.billable_room r
			    cross join items i
			    left join billing.fee_rate rb on rb.community_id = :c and rb.fee_item_id = i.id
			         and rb.building_id = r.building_id
			    left join billing.fee_rate ru on ru.community_id = :c and ru.fee_item_id = i.id and ru.room_use = r.room_use
			    left join billing.subscription s on s.community_id = :c and s.room_id = r.room_id and s.fee_item_id = i.id
			    left join red ra on ra.room_id = r.room_id and ra.fee_item_id is null
			    left join red rs on rs.room_id = r.room_id and rs.fee_item_id = i.id
			   where r.community_id = :c and r.household_id is not null and (i.kind <> 'PARKING' or s.room_id is not null)),
			metered as (
			  select m.room_id, m.kind as meter_kind, sum(rd.consumption) as units
			    from billing.meter m
			    join billing.meter_reading rd on rd.community_id = m.community_id and rd.meter_id = m.id
			   where m.community_id = :c and m.room_id is not null and rd.period = :period and :cycle = 'MONTH'
			     and rd.consumption > 0 and rd.anomaly is distinct from 'NEGATIVE'
			   group by m.room_id, m.kind),
			lines as (
			  select room_id, household_id, item_id, 'PERIODIC' as kind, days::int as days, null::numeric as quantity,
			         div(2 * price::numeric * qty * :months * days * (100 - pct) + 100 * :pdays * 100,
			             2 * 100 * :pdays * 100)::bigint as amount
			    from periodic where days > 0 and pct < 100
			  union all
			  select u.room_id, r.household_id, i.id, 'METERED', :pdays, u.units,
			         div(2 * i.price_fen * (u.units * 100)::bigint + 100, 200)::bigint
			    from metered u
			    join billing.fee_item i on i.community_id = :c and i.kind = 'METERED' and i.meter_kind = u.meter_kind
			         and i.effective_from <= :pe and (i.effective_until is null or i.effective_until >= :ps)
			    join billing.billable_room r on r.community_id = :c and r.room_id = u.room_id
			   where r.household_id is not null)
			""";

	private final JdbcClient jdbc;

	private final BillableRooms rooms;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	BillRuns(JdbcClient jdbc, BillableRooms rooms, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.rooms = rooms;
		this.clock = clock;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
	}

	/**
	 * Runs one period for many compounds, each in its own transaction, a few at a time (one per processor): the
	 * database does the work, so more would only queue. Results in the order of the ids.
	 */
	public List<Result> runMany(List<UUID> communityIds, Period period, String by) {
		int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			List<java.util.concurrent.Future<Result>> futures = communityIds.stream()
				.map(cid -> pool.submit(() -> this.transactions.execute(status -> {
					this.rooms.refresh(cid);
					return insert(cid, period, by);
				})))
				.toList();
			List<Result> results = new java.util.ArrayList<>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
		}
		finally {
			pool.shutdown();
		}
	}

	/** What a run would create now, without writing a bill (the projection of rooms is refreshed first). */
	public Result preview(UUID communityId, Period period) {
		this.rooms.refresh(communityId);
		List<ItemLine> items = params(this.jdbc.sql(LINES + """
				select l.item_id, i.name, count(*)::int as bills, coalesce(sum(l.amount), 0) as total
				  from lines l join billing.fee_item i on i.id = l.item_id
				 where l.amount > 0 and not exists (select 1 from billing.bill b where b.community_id = :c
				       and b.room_id = l.room_id and b.fee_item_id = l.item_id and b.period = :period
				       and b.kind <> 'ONE_OFF')
				 group by l.item_id, i.name order by i.name
				"""), communityId, period)
			.query((rs, n) -> new ItemLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.list();
		int created = items.stream().mapToInt(ItemLine::bills).sum();
		long total = items.stream().mapToLong(ItemLine::totalFen).sum();
		return new Result(period.text(), created, created, total, items);
	}

	/**
	 * Runs the period for one compound: refreshes the projection, inserts the missing bills in one statement and
	 * answers the period's bills and total after the run. Running it again creates nothing.
	 */
	@Transactional
	public Result run(UUID communityId, Period period, String by) {
		this.rooms.refresh(communityId);
		return insert(communityId, period, by);
	}

	private Result insert(UUID communityId, Period period, String by) {
		Timestamp now = Timestamp.from(this.clock.instant());
		// the insert answers what it inserted; the period's totals are kept up to date from that, never recounted
		Map<String, Object> inserted = params(this.jdbc.sql(LINES + """
				, inserted as (
				  insert into billing.bill (id, community_id, room_id, household_id, fee_item_id, kind, period,
				         period_start, period_end, days, quantity, amount_fen, due_date, created_at)
				  select gen_random_uuid(), :c, room_id, household_id, item_id, kind, :period, :ps, :pe, days,
				         quantity, amount, :pe, :now
				    from lines l where amount > 0
				     and not exists (select 1 from billing.bill b where b.community_id = :c and b.period = :period
				         and b.room_id = l.room_id and b.fee_item_id = l.item_id and b.kind <> 'ONE_OFF')
				  on conflict (community_id, period, room_id, fee_item_id) where kind <> 'ONE_OFF' do nothing
				  returning amount_fen)
				select count(*)::int as created, coalesce(sum(amount_fen), 0) as total from inserted
				"""), communityId, period).param("now", now).query().singleRow();
		int created = ((Number) inserted.get("created")).intValue();
		Map<String, Object> totals = this.jdbc.sql("""
				insert into billing.period_total as t (community_id, period, bills, total_fen)
				values (:c, :period, :created, :total)
				on conflict (community_id, period) do update
				   set bills = t.bills + excluded.bills, total_fen = t.total_fen + excluded.total_fen
				returning bills, total_fen
				""").param("c", communityId).param("period", period.text()).param("created", created)
			.param("total", ((Number) inserted.get("total")).longValue()).query().singleRow();
		int bills = ((Number) totals.get("bills")).intValue();
		long total = ((Number) totals.get("total_fen")).longValue();
		this.jdbc.sql("""
				insert into billing.bill_run (id, community_id, period, created, bills, total_fen, run_by, run_at)
				values (:id, :c, :period, :created, :bills, :total, :by, :now)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("period", period.text())
			.param("created", created).param("bills", bills).param("total", total).param("by", by).param("now", now)
			.update();
		return new Result(period.text(), created, bills, total, List.of());
	}

	private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, UUID communityId, Period period) {
		return spec.param("c", communityId).param("cycle", period.cycle().name()).param("period", period.text())
			.param("ps", Date.valueOf(period.start())).param("pe", Date.valueOf(period.end()))
			.param("months", period.months()).param("pdays", (int) period.days());
	}

	public record RunLog(String period, int created, int bills, long totalFen, String runBy,
			java.time.OffsetDateTime runAt) {
	}

	public List<RunLog> history(UUID communityId, int limit) {
		return this.jdbc.sql("select * from billing.bill_run where community_id = :c order by run_at desc limit :l")
			.param("c", communityId).param("l", limit)
			.query((rs, n) -> new RunLog(rs.getString("period"), rs.getInt("created"), rs.getInt("bills"),
					rs.getLong("total_fen"), rs.getString("run_by"),
					rs.getObject("run_at", java.time.OffsetDateTime.class)))
			.list();
	}

	/**
	 * A one-off charge (e.g. a chargeable repair) as a bill of the current month, due at its end. The source
	 * reference makes it idempotent: the same reference twice is one bill.
	 */
	@Transactional
	public UUID oneOff(UUID communityId, UUID roomId, String description, long amountFen, String sourceRef) {
		if (amountFen <= 0) {
			throw DomainException.invalid("amountFen", "billing.amount.invalid");
		}
		if (sourceRef == null || sourceRef.isBlank() || sourceRef.length() > 100) {
			throw DomainException.invalid("sourceRef", "billing.oneOff.ref");
		}
		var room = this.rooms.room(communityId, roomId).or(() -> {
			this.rooms.refresh(communityId);
			return this.rooms.room(communityId, roomId);
		}).orElseThrow(() -> DomainException.notFound("billing.room.notFound"));
		LocalDate today = LocalDate.now(this.clock);
		this.jdbc.sql("""
				insert into billing.fee_item (id, community_id, code, name, kind, cycle, price_fen, effective_from,
				       created_at)
				values (:id, :c, 'ONE_OFF', '一次性收费', 'ONE_OFF', 'MONTH', 0, :today, :now)
				on conflict (community_id, code) do nothing
				""").param("id", UUID.randomUUID()).param("c", communityId).param("today", Date.valueOf(today))
			.param("now", Timestamp.from(this.clock.instant())).update();
		UUID item = this.jdbc.sql("select id from billing.fee_item where community_id = :c and code = 'ONE_OFF'")
			.param("c", communityId).query(UUID.class).single();
		YearMonth month = YearMonth.from(today);
		this.jdbc.sql("""
				insert into billing.bill (id, community_id, room_id, household_id, fee_item_id, kind, period,
				       period_start, period_end, days, description, source_ref, amount_fen, due_date, created_at)
				values (:id, :c, :r, :h, :i, 'ONE_OFF', :period, :today, :today, 1, :d, :ref, :amount, :due, :now)
				on conflict (community_id, source_ref) where kind = 'ONE_OFF' do nothing
				""").param("id", UUID.randomUUID()).param("c", communityId).param("r", roomId)
			.param("h", room.householdId()).param("i", item).param("period", month.toString())
			.param("today", Date.valueOf(today)).param("d", description == null ? null : description.strip())
			.param("ref", sourceRef).param("amount", amountFen).param("due", Date.valueOf(month.atEndOfMonth()))
			.param("now", Timestamp.from(this.clock.instant())).update();
		return this.jdbc.sql("select id from billing.bill where community_id = :c and source_ref = :ref "
				+ "and kind = 'ONE_OFF'").param("c", communityId).param("ref", sourceRef).query(UUID.class).single();
	}

}
