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

	/**
	 * Every bill line of the period for the compounds {@code :cs}: periodic fees prorated by day, parking by each
	 * rented space's own dates (a room's spaces of one item summed into one bill), and metered consumption of monthly
	 * periods. Each amount is rounded once, half up: numerator price x quantity (hundredths) x months x days x
	 * (100 - reduction%), denominator 100 x period days x 100.
	 */
	private static final String LINES = """
			with items as (
			  select i.community_id, i.id, i.kind, i.price_fen, i.effective_from, i.effective_until
			    from billing.fee_item i
			   where i.community_id = any(cast(:cs as uuid[])) and i.cycle = :cycle
			     and i.kind in ('AREA_RATE', 'FIXED', 'PARKING')
			     and i.effective_from <= :pe and (i.effective_until is null or i.effective_until >= :ps)),
			red as (
			  select x.community_id, x.room_id, x.fee_item_id, max(x.percent) as pct from billing.reduction x
			   where x.community_id = any(cast(:cs as uuid[])) and x.valid_from <= :pe
			     and (x.valid_until is null or x.valid_until >= :ps)
			   group by x.community_id, x.room_id, x.fee_item_id),
			periodic as (
			  select r.community_id, r.room_id, r.household_id, i.id as item_id,
			         coalesce(rb.price_fen, ru.price_fen, i.price_fen) as price,
			         case when i.kind = 'AREA_RATE' then (r.area * 100)::bigint else 100 end as qty,
			         least(:pe, r.occupied_until, i.effective_until) - greatest(:ps, r.occupied_from, i.effective_from)
			           + 1 as days,
			         greatest(coalesce(ra.pct, 0), coalesce(rs.pct, 0)) as pct
			    from billing.billable_room r
			    join items i on i.community_id = r.community_id and i.kind <> 'PARKING'
			    left join billing.fee_rate rb on rb.community_id = r.community_id and rb.fee_item_id = i.id
			         and rb.building_id = r.building_id
			    left join billing.fee_rate ru on ru.community_id = r.community_id and ru.fee_item_id = i.id
			         and ru.room_use = r.room_use
			    left join red ra on ra.community_id = r.community_id and ra.room_id = r.room_id and ra.fee_item_id is null
			    left join red rs on rs.community_id = r.community_id and rs.room_id = r.room_id and rs.fee_item_id = i.id
			   where r.community_id = any(cast(:cs as uuid[])) and r.household_id is not null),
			rented as (
			  select s.community_id, s.room_id, s.fee_item_id, s.quantity * 100 as qty, s.since, s.until
			    from billing.subscription s
			   where s.community_id = any(cast(:cs as uuid[])) and s.since <= :pe and (s.until is null or s.until >= :ps)
			  union all
			  select p.community_id, p.room_id, p.fee_item_id, 100, p.since, p.until
			    from billing.parking_subscription p
			   where p.community_id = any(cast(:cs as uuid[])) and p.since <= :pe and (p.until is null or p.until >= :ps)),
			parking as (
			  select r.community_id, r.room_id, r.household_id, i.id as item_id,
			         coalesce(rb.price_fen, ru.price_fen, i.price_fen) as price, s.qty,
			         least(:pe, r.occupied_until, i.effective_until, s.until)
			           - greatest(:ps, r.occupied_from, i.effective_from, s.since) + 1 as days,
			         greatest(coalesce(ra.pct, 0), coalesce(rs.pct, 0)) as pct
			    from rented s
			    join items i on i.community_id = s.community_id and i.id = s.fee_item_id and i.kind = 'PARKING'
			    join billing.billable_room r on r.community_id = s.community_id and r.room_id = s.room_id
			    left join billing.fee_rate rb on rb.community_id = r.community_id and rb.fee_item_id = i.id
			         and rb.building_id = r.building_id
			    left join billing.fee_rate ru on ru.community_id = r.community_id and ru.fee_item_id = i.id
			         and ru.room_use = r.room_use
			    left join red ra on ra.community_id = r.community_id and ra.room_id = r.room_id and ra.fee_item_id is null
			    left join red rs on rs.community_id = r.community_id and rs.room_id = r.room_id and rs.fee_item_id = i.id
			   where r.household_id is not null),
			metered as (
			  select m.community_id, m.room_id, m.kind as meter_kind, sum(rd.consumption) as units
			    from billing.meter m
			    join billing.meter_reading rd on rd.community_id = m.community_id and rd.meter_id = m.id
			   where m.community_id = any(cast(:cs as uuid[])) and m.room_id is not null and rd.period = :period
			     and :cycle = 'MONTH' and rd.consumption > 0 and rd.anomaly is distinct from 'NEGATIVE'
			   group by m.community_id, m.room_id, m.kind),
			lines as (
			  select community_id, room_id, household_id, item_id, 'PERIODIC' as kind, days::int as days,
			         null::numeric as quantity,
			         div(2 * price::numeric * qty * :months * days * (100 - pct) + 100 * :pdays * 100,
			             2 * 100 * :pdays * 100)::bigint as amount
			    from periodic where days > 0 and pct < 100
			  union all
			  select community_id, room_id, household_id, item_id, 'PERIODIC', max(days)::int, null::numeric,
			         div(2 * sum(price::numeric * qty * :months * days * (100 - pct)) + 100 * :pdays * 100,
			             2 * 100 * :pdays * 100)::bigint
			    from parking where days > 0 and pct < 100
			   group by community_id, room_id, household_id, item_id
			  union all
			  select u.community_id, u.room_id, r.household_id, i.id, 'METERED', :pdays, u.units,
			         div(2 * i.price_fen * (u.units * 100)::bigint + 100, 200)::bigint
			    from metered u
			    join billing.fee_item i on i.community_id = u.community_id and i.kind = 'METERED'
			         and i.meter_kind = u.meter_kind
			         and i.effective_from <= :pe and (i.effective_until is null or i.effective_until >= :ps)
			    join billing.billable_room r on r.community_id = u.community_id and r.room_id = u.room_id
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
	 * Runs one period for many compounds: first the projections of the compounds whose registry changed since their
	 * last refresh are refreshed (a few at a time, one per processor, each in its own transaction), then one
	 * set-based INSERT ... SELECT creates the missing bills of all of them in one transaction, so the database plans
	 * and runs one statement instead of one per compound. Results in the order of the ids.
	 */
	public List<Result> runMany(List<UUID> communityIds, Period period, String by) {
		List<UUID> ids = communityIds.stream().distinct().toList();
		refreshStale(ids);
		analyzeInputs();
		List<Result> results = this.transactions.execute(status -> insert(ids, period, by));
		if (results != null && results.stream().mapToInt(Result::created).sum() >= ANALYZE_AFTER) {
			analyzeLater();
		}
		Map<UUID, Result> byId = new java.util.HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			byId.put(ids.get(i), results.get(i));
		}
		return communityIds.stream().map(byId::get).toList();
	}

	/** The run's small input tables, whose statistics decide how the database joins them to 150,000 rooms. */
	private static final List<String> INPUTS = List.of("fee_item", "fee_rate", "reduction", "subscription",
			"parking_subscription", "meter");

	/**
	 * Analyzes the input tables changed since their last statistics. Autovacuum analyzes a table only after 50
	 * changes: a fee table of ten rates never analyzed is estimated at 510 rows, and the database then hashes the
	 * 150,000 rooms to join them to it instead of hashing the ten rates (0.6 s instead of 0.05 s at district scale).
	 */
	private void analyzeInputs() {
		List<String> stale = this.jdbc.sql("""
				select relname from pg_stat_user_tables
				 where schemaname = 'billing' and relname in (:inputs) and n_live_tup + n_mod_since_analyze > 0
				   and (n_mod_since_analyze > 0 or coalesce(last_analyze, last_autoanalyze) is null)
				""").param("inputs", INPUTS).query(String.class).list();
		for (String table : stale) {
			if (INPUTS.contains(table)) {
				this.jdbc.sql("analyze billing." + table).update();
			}
		}
	}

	/** After a big run the planner's row estimates of the bill table are stale: refresh them off the request. */
	static final int ANALYZE_AFTER = 50_000;

	private void analyzeLater() {
		Thread.ofVirtual().name("billing-analyze").start(() -> {
			try {
				this.jdbc.sql("analyze billing.bill").update();
			}
			catch (RuntimeException ex) {
				org.slf4j.LoggerFactory.getLogger(BillRuns.class).warn("analyze billing.bill failed", ex);
			}
		});
	}

	private void refreshStale(List<UUID> communityIds) {
		Map<UUID, Long> stale = this.rooms.stale(communityIds);
		if (stale.isEmpty()) {
			return;
		}
		if (stale.size() == 1) {
			UUID only = stale.keySet().iterator().next();
			this.rooms.refreshStale(stale, only);
			return;
		}
		int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			List<java.util.concurrent.Future<Integer>> futures = stale.keySet()
				.stream()
				.map(cid -> pool.submit(() -> this.rooms.refreshStale(stale, cid)))
				.toList();
			for (var future : futures) {
				future.get();
			}
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
		List<ItemLine> items = params(sql(LINES + """
				select l.item_id, i.name, count(*)::int as bills, coalesce(sum(l.amount), 0) as total
				  from lines l join billing.fee_item i on i.id = l.item_id
				 where l.amount > 0 and not exists (select 1 from billing.bill b where b.community_id = l.community_id
				       and b.room_id = l.room_id and b.fee_item_id = l.item_id and b.period = :period
				       and b.kind <> 'ONE_OFF')
				 group by l.item_id, i.name order by i.name
				""", List.of(communityId)), period)
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
		return insert(List.of(communityId), period, by).getFirst();
	}

	private List<Result> insert(List<UUID> communityIds, Period period, String by) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String ids = Ledger.uuidArray(communityIds);
		Map<UUID, Long> billsBefore = new java.util.HashMap<>();
		Map<UUID, Long> seenBefore = new java.util.HashMap<>();
		lockPeriod(ids, period, billsBefore, seenBefore);
		// read before the lines: an input written meanwhile is then billed now and still seen as new next time
		Map<UUID, Long> inputs = inputVersions(ids);
		List<UUID> fresh = new java.util.ArrayList<>();
		List<UUID> billed = new java.util.ArrayList<>();
		for (UUID id : communityIds) {
			long version = inputs.getOrDefault(id, 0L);
			if (!Long.valueOf(version).equals(seenBefore.get(id))) {
				(billsBefore.get(id) == 0 ? fresh : billed).add(id);
			}
		}
		// the insert answers what it inserted per compound; the period's totals are kept up to date from that
		Map<UUID, long[]> inserted = new java.util.HashMap<>();
		// the hash tables of 150,000 lines fit in memory instead of spilling to disk
		this.jdbc.sql("set local work_mem = '64MB'").update();
		if (!fresh.isEmpty()) {
			insertLines(fresh, period, now, FRESH, inserted);
		}
		if (!billed.isEmpty()) {
			insertLines(billed, period, now, MISSING, inserted);
		}
		String created = communityIds.stream().map(id -> String.valueOf(inserted.getOrDefault(id, new long[2])[0]))
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		String totals = communityIds.stream().map(id -> String.valueOf(inserted.getOrDefault(id, new long[2])[1]))
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		String versions = communityIds.stream().map(id -> String.valueOf(inputs.getOrDefault(id, 0L)))
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		Map<UUID, long[]> after = new java.util.HashMap<>();
		this.jdbc.sql("""
				update billing.period_total t
				   set bills = t.bills + x.n, total_fen = t.total_fen + x.t, inputs_version = x.v
				  from unnest(cast(:ids as uuid[]), cast(:created as int[]), cast(:totals as bigint[]),
				              cast(:versions as bigint[])) as x(c, n, t, v)
				 where t.community_id = x.c and t.period = :period
				returning t.community_id, t.bills, t.total_fen
				""").param("ids", ids).param("period", period.text()).param("created", created).param("totals", totals)
			.param("versions", versions).query((java.sql.ResultSet rs) -> {
				after.put(rs.getObject(1, UUID.class), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		this.jdbc.sql("""
				insert into billing.bill_run (id, community_id, period, created, bills, total_fen, run_by, run_at)
				select gen_random_uuid(), x.c, :period, x.n, t.bills, t.total_fen, :by, :now
				  from unnest(cast(:ids as uuid[]), cast(:created as int[])) as x(c, n)
				  join billing.period_total t on t.community_id = x.c and t.period = :period
				""").param("ids", ids).param("period", period.text()).param("created", created).param("by", by)
			.param("now", now).update();
		return communityIds.stream().map(id -> {
			long[] total = after.get(id);
			return new Result(period.text(), (int) inserted.getOrDefault(id, new long[2])[0], (int) total[0], total[1],
					List.of());
		}).toList();
	}

	/** The lines of compounds that have no bill of the period yet: every line is new. */
	private static final String FRESH = """
			    from lines l where l.amount > 0
			""";

	/**
	 * The lines of compounds billed before in the period: only those without their bill. The anti-join finds them
	 * without attempting the insert; the conflict clause covers what it cannot see.
	 */
	private static final String MISSING = """
			    from lines l where l.amount > 0
			     and not exists (select 1 from billing.bill b where b.community_id = l.community_id
			         and b.period = :period and b.room_id = l.room_id and b.fee_item_id = l.item_id
			         and b.kind <> 'ONE_OFF')
			  on conflict (community_id, period, room_id, fee_item_id, (coalesce(source_ref, ''))) do nothing
			""";

	private void insertLines(List<UUID> communityIds, Period period, Timestamp now, String which,
			Map<UUID, long[]> inserted) {
		BillIds billIds = BillIds.next(this.clock.instant());
		params(sql(LINES + """
				, inserted as (
				  insert into billing.bill (id, community_id, room_id, household_id, fee_item_id, kind, period,
				         period_start, period_end, days, quantity, amount_fen, due_date, created_at)
				  select cast(:idhigh || to_hex(:idlow + row_number() over ()) as uuid), l.community_id, l.room_id,
				         l.household_id, l.item_id, l.kind, :period, :ps, :pe, l.days, l.quantity, l.amount, :pe, :now
				""" + which + """
				  returning community_id, amount_fen)
				select community_id, count(*) as created, coalesce(sum(amount_fen), 0) as total
				  from inserted group by community_id
				""", communityIds), period).param("now", now).param("idhigh", billIds.high()).param("idlow", billIds.low())
			.query((java.sql.ResultSet rs) -> {
				inserted.put(rs.getObject(1, UUID.class), new long[] { rs.getLong(2), rs.getLong(3) });
			});
	}

	/**
	 * Locks the period of each compound (its row of totals, created empty when missing, in id order so that two
	 * runs never wait on each other crosswise): one run per compound and period at a time. Fills in the bills each
	 * compound has in the period (none: its lines need no check against existing bills) and the input version its
	 * last run of the period saw.
	 */
	private void lockPeriod(String ids, Period period, Map<UUID, Long> bills, Map<UUID, Long> inputsVersion) {
		this.jdbc.sql("""
				insert into billing.period_total (community_id, period, bills, total_fen)
				select c, :period, 0, 0 from unnest(cast(:ids as uuid[])) as x(c) order by c
				on conflict (community_id, period) do nothing
				""").param("ids", ids).param("period", period.text()).update();
		this.jdbc.sql("""
				select community_id, bills, inputs_version from billing.period_total
				 where community_id = any(cast(:ids as uuid[])) and period = :period order by community_id for update
				""").param("ids", ids).param("period", period.text()).query((java.sql.ResultSet rs) -> {
					UUID id = rs.getObject(1, UUID.class);
					bills.put(id, rs.getLong(2));
					inputsVersion.put(id, rs.getObject(3, Long.class));
				});
	}

	/** The current input version of each compound (V104); a compound never written to has none yet: 0. */
	private Map<UUID, Long> inputVersions(String ids) {
		Map<UUID, Long> versions = new java.util.HashMap<>();
		this.jdbc.sql("select community_id, version from billing.input_version where community_id = any(cast(:ids as uuid[]))")
			.param("ids", ids)
			.query((java.sql.ResultSet rs) -> {
				versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		return versions;
	}

	/**
	 * The statement over the given compounds. Their ids are written into the text as an array literal (UUIDs, so
	 * nothing but hex digits and dashes): bound as a parameter, the cast of the text to uuid[] would be evaluated for
	 * every row scanned, and the planner could not see how many compounds, nor use their statistics.
	 */
	private JdbcClient.StatementSpec sql(String text, List<UUID> communityIds) {
		String ids = communityIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(","));
		return this.jdbc.sql(text.replace("cast(:cs as uuid[])", "'{" + ids + "}'::uuid[]"));
	}

	private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Period period) {
		return spec.param("cycle", period.cycle().name())
			.param("period", period.text())
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
