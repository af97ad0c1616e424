package org.linli.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meters (水电气表) in a tree: a compound master meter, building masters, household meters. Readings are taken at the
 * end of a month; consumption is the difference to the previous reading and is checked: negative use (a reading
 * below the last one) is an error that is not billed, a jump (over 3x the average of the last three months and at
 * least 10 units more) is flagged for a second look.
 */
@Service
public class Meters {

	public record Meter(UUID id, String kind, String code, UUID parentId, UUID roomId, String areaName) {
	}

	public record Reading(UUID meterId, String code, String period, BigDecimal reading, BigDecimal consumption,
			String anomaly, String source) {
	}

	public record ImportReport(int total, int written, List<String> errors) {
	}

	/** Water loss of one master meter's area in a period; rate = (master - households) / master. */
	public record WaterLoss(UUID meterId, String area, BigDecimal masterUse, BigDecimal householdUse,
			int householdMeters, BigDecimal rate) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Meters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID create(UUID communityId, String kind, String code, UUID parentId, UUID roomId, String areaName) {
		Violations v = new Violations();
		v.require(kind != null && FeeItems.METER_KINDS.contains(kind), "kind", "billing.meter.kind");
		v.require(code != null && code.strip().matches("[A-Za-z0-9_-]{1,40}"), "code", "billing.meter.code.invalid");
		v.require(parentId == null || find(communityId, parentId).filter(p -> p.kind().equals(kind)).isPresent(),
				"parentId", "billing.meter.parent");
		v.require(roomId != null || (areaName != null && !areaName.isBlank()), "areaName", "billing.meter.area");
		v.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into billing.meter (id, community_id, kind, code, parent_id, room_id, area_name, created_at)
					values (:id, :c, :k, :code, :p, :r, :a, :now)
					""").param("id", id).param("c", communityId).param("k", kind).param("code", code.strip())
				.param("p", parentId).param("r", roomId).param("a", areaName == null ? null : areaName.strip())
				.param("now", Timestamp.from(this.clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.invalid("code", "billing.meter.codeTaken");
		}
		return id;
	}

	public Optional<Meter> find(UUID communityId, UUID id) {
		return this.jdbc.sql("select * from billing.meter where community_id = :c and id = :id").param("c", communityId)
			.param("id", id).query(this::meter).optional();
	}

	public Optional<Meter> byCode(UUID communityId, String code) {
		return this.jdbc.sql("select * from billing.meter where community_id = :c and code = :code")
			.param("c", communityId).param("code", code).query(this::meter).optional();
	}

	/** Master meters (those without a room), for the tree and the water-loss view. */
	public List<Meter> masters(UUID communityId) {
		return this.jdbc.sql("select * from billing.meter where community_id = :c and room_id is null "
				+ "order by kind, parent_id nulls first, code").param("c", communityId).query(this::meter).list();
	}

	public long count(UUID communityId) {
		return this.jdbc.sql("select count(*) from billing.meter where community_id = :c").param("c", communityId)
			.query(Long.class).single();
	}

	/** Records (or corrects) a reading and checks it against the meter's history. */
	@Transactional
	public Reading record(UUID communityId, UUID meterId, Period period, BigDecimal reading, String source,
			String by) {
		find(communityId, meterId).orElseThrow(() -> DomainException.notFound("billing.meter.notFound"));
		recordMonth(communityId, period, Map.of(meterId, reading == null ? BigDecimal.ONE.negate() : reading), source,
				by);
		return readings(communityId, period.text()).stream().filter(r -> r.meterId().equals(meterId)).findFirst()
			.orElseThrow();
	}

	/**
	 * Records a month's readings of many meters in a few statements, then computes consumption and anomalies for
	 * that month and for the month after it where one was read already (a correction changes it too).
	 */
	@Transactional
	public void recordMonth(UUID communityId, Period period, Map<UUID, BigDecimal> readings, String source,
			String by) {
		if (period.cycle() != Period.Cycle.MONTH) {
			throw DomainException.invalid("period", "billing.period.month");
		}
		for (BigDecimal reading : readings.values()) {
			if (reading == null || reading.signum() < 0 || reading.scale() > 2
					|| reading.precision() - reading.scale() > 10) {
				throw DomainException.invalid("reading", "billing.reading.invalid");
			}
		}
		List<UUID> ids = List.copyOf(readings.keySet());
		String idArray = Ledger.uuidArray(ids);
		this.jdbc.sql("""
				insert into billing.meter_reading (id, community_id, meter_id, period, reading, source, entered_by,
				       entered_at)
				select gen_random_uuid(), :c, m.id, :p, x.reading, :s, :by, :now
				  from unnest(cast(:ids as uuid[]), cast(:readings as numeric[])) as x(meter_id, reading)
				  join billing.meter m on m.community_id = :c and m.id = x.meter_id
				on conflict (community_id, meter_id, period) do update
				   set reading = excluded.reading, source = excluded.source, entered_by = excluded.entered_by,
				       entered_at = excluded.entered_at
				""").param("c", communityId).param("p", period.text()).param("s", source == null ? "MANUAL" : source)
			.param("by", by).param("now", Timestamp.from(this.clock.instant())).param("ids", idArray)
			.param("readings", ids.stream().map(id -> readings.get(id).toPlainString())
				.collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.update();
		check(communityId, idArray, period.text());
		List<String> next = this.jdbc.sql("select distinct min(period) from billing.meter_reading where community_id = :c "
				+ "and meter_id = any(cast(:ids as uuid[])) and period > :p group by meter_id").param("c", communityId)
			.param("ids", idArray).param("p", period.text()).query(String.class).list();
		next.forEach(p -> check(communityId, idArray, p));
	}

	/** Consumption and anomaly of the meters' readings of one month, from their previous readings. */
	private void check(UUID communityId, String idArray, String period) {
		List<Object[]> rows = this.jdbc.sql("""
				select id, use, c1, c2, c3 from (
				  select id, period, reading - lag(reading) over w as use, lag(consumption, 1) over w as c1,
				         lag(consumption, 2) over w as c2, lag(consumption, 3) over w as c3
				    from billing.meter_reading
				   where community_id = :c and meter_id = any(cast(:ids as uuid[])) and period <= :p
				  window w as (partition by meter_id order by period)) x
				 where period = :p
				""").param("c", communityId).param("ids", idArray).param("p", period)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getBigDecimal(2),
					java.util.Arrays.asList(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)) })
			.list();
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder uses = new StringBuilder("{");
		StringBuilder anomalies = new StringBuilder("{");
		List<UUID> readingIds = new ArrayList<>();
		for (Object[] row : rows) {
			BigDecimal use = (BigDecimal) row[1];
			@SuppressWarnings("unchecked")
			String anomaly = anomaly(use, (List<BigDecimal>) row[2]);
			readingIds.add((UUID) row[0]);
			uses.append(readingIds.size() > 1 ? "," : "").append(use == null ? "NULL" : use.toPlainString());
			anomalies.append(readingIds.size() > 1 ? "," : "").append(anomaly == null ? "NULL" : anomaly);
		}
		this.jdbc.sql("""
				update billing.meter_reading r set consumption = x.use, anomaly = x.anomaly
				  from unnest(cast(:ids as uuid[]), cast(:uses as numeric[]), cast(:anomalies as varchar[]))
				       as x(id, use, anomaly)
				 where r.community_id = :c and r.id = x.id
				""").param("c", communityId).param("ids", Ledger.uuidArray(readingIds))
			.param("uses", uses.append('}').toString()).param("anomalies", anomalies.append('}').toString()).update();
	}

	/** NEGATIVE below the last reading; JUMP over 3x the recent average and at least 10 units above it. */
	static String anomaly(BigDecimal consumption, List<BigDecimal> previous) {
		if (consumption == null) {
			return null;
		}
		if (consumption.signum() < 0) {
			return "NEGATIVE";
		}
		List<BigDecimal> known = previous.stream().filter(java.util.Objects::nonNull).filter(c -> c.signum() >= 0)
			.toList();
		if (known.isEmpty()) {
			return null;
		}
		BigDecimal average = known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
		boolean jump = consumption.compareTo(average.multiply(BigDecimal.valueOf(3))) > 0
				&& consumption.subtract(average).compareTo(BigDecimal.TEN) >= 0;
		return jump ? "JUMP" : null;
	}

	public List<Reading> readings(UUID communityId, String period) {
		return this.jdbc.sql("""
				select m.id, m.code, rd.period, rd.reading, rd.consumption, rd.anomaly, rd.source
				  from billing.meter_reading rd join billing.meter m on m.community_id = rd.community_id and m.id = rd.meter_id
				 where rd.community_id = :c and rd.period = :p order by rd.anomaly nulls last, m.code
				""").param("c", communityId).param("p", period)
			.query((rs, n) -> new Reading(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Imports a sheet of readings for a month: every row valid, or nothing written. */
	@Transactional
	public ImportReport importSheet(UUID communityId, Period period, byte[] content, String by) {
		if (period.cycle() != Period.Cycle.MONTH) {
			throw DomainException.invalid("period", "billing.period.month");
		}
		List<ReadingSheet.Row> rows = ReadingSheet.read(content);
		List<String> errors = new ArrayList<>();
		Map<UUID, BigDecimal> valid = new java.util.LinkedHashMap<>();
		for (ReadingSheet.Row row : rows) {
			Optional<Meter> meter = byCode(communityId, row.meterCode());
			BigDecimal reading = null;
			try {
				reading = new BigDecimal(row.reading());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			if (meter.isEmpty()) {
				errors.add(row.number() + ":meterCode");
			}
			else if (reading == null || reading.signum() < 0 || reading.scale() > 2) {
				errors.add(row.number() + ":reading");
			}
			else if (valid.putIfAbsent(meter.get().id(), reading) != null) {
				errors.add(row.number() + ":meterCode");
			}
		}
		if (!errors.isEmpty()) {
			return new ImportReport(rows.size(), 0, errors);
		}
		recordMonth(communityId, period, valid, "IMPORT", by);
		return new ImportReport(rows.size(), valid.size(), List.of());
	}

	/** Water loss per master water meter (compound and buildings) for a month. */
	public List<WaterLoss> waterLoss(UUID communityId, String period) {
		var households = this.jdbc.sql("""
				with recursive tree as (
				  select m.id as root, m.id, m.room_id from billing.meter m
				   where m.community_id = :c and m.kind = 'WATER' and m.room_id is null
				  union all
				  select t.root, k.id, k.room_id from tree t
				    join billing.meter k on k.community_id = :c and k.parent_id = t.id)
				select t.root, coalesce(sum(rd.consumption), 0), count(*)
				  from tree t
				  left join billing.meter_reading rd on rd.community_id = :c and rd.meter_id = t.id and rd.period = :p
				       and rd.anomaly is distinct from 'NEGATIVE'
				 where t.room_id is not null
				 group by t.root
				""").param("c", communityId).param("p", period)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Object[] { rs.getBigDecimal(2), rs.getInt(3) }))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return this.jdbc.sql("""
				select m.id, m.area_name, rd.consumption from billing.meter m
				  join billing.meter_reading rd on rd.community_id = m.community_id and rd.meter_id = m.id
				       and rd.period = :p
				 where m.community_id = :c and m.kind = 'WATER' and m.room_id is null and rd.consumption > 0
				 order by m.parent_id nulls first, length(m.area_name), m.area_name
				""").param("c", communityId).param("p", period)
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				BigDecimal master = rs.getBigDecimal(3);
				Object[] sum = households.getOrDefault(id, new Object[] { BigDecimal.ZERO, 0 });
				BigDecimal used = (BigDecimal) sum[0];
				BigDecimal rate = master.subtract(used).divide(master, 4, RoundingMode.HALF_UP);
				return new WaterLoss(id, rs.getString(2), master, used, (Integer) sum[1], rate);
			})
			.list();
	}

	private Meter meter(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Meter(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("code"),
				rs.getObject("parent_id", UUID.class), rs.getObject("room_id", UUID.class), rs.getString("area_name"));
	}

}
