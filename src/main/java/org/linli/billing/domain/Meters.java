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
		Meter meter = find(communityId, meterId).orElseThrow(() -> DomainException.notFound("billing.meter.notFound"));
		if (reading == null || reading.signum() < 0 || reading.scale() > 2 || reading.precision() - reading.scale() > 10) {
			throw DomainException.invalid("reading", "billing.reading.invalid");
		}
		if (period.cycle() != Period.Cycle.MONTH) {
			throw DomainException.invalid("period", "billing.period.month");
		}
		write(communityId, meter, period.text(), reading, source, by);
		// a correction changes the next month's consumption too
		this.jdbc.sql("select period, reading from billing.meter_reading where community_id = :c and meter_id = :m "
				+ "and period > :p order by period limit 1").param("c", communityId).param("m", meterId)
			.param("p", period.text())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
			.optional()
			.ifPresent(next -> write(communityId, meter, next.getKey(), next.getValue(), null, by));
		return readings(communityId, period.text()).stream().filter(r -> r.meterId().equals(meterId)).findFirst()
			.orElseThrow();
	}

	private void write(UUID communityId, Meter meter, String period, BigDecimal reading, String source, String by) {
		List<BigDecimal[]> history = this.jdbc.sql("""
				select reading, consumption from billing.meter_reading
				 where community_id = :c and meter_id = :m and period < :p order by period desc limit 3
				""").param("c", communityId).param("m", meter.id()).param("p", period)
			.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2) }).list();
		BigDecimal consumption = history.isEmpty() ? null : reading.subtract(history.getFirst()[0]);
		String anomaly = anomaly(consumption, history.stream().map(h -> h[1]).toList());
		this.jdbc.sql("""
				insert into billing.meter_reading (id, community_id, meter_id, period, reading, consumption, anomaly,
				       source, entered_by, entered_at)
				values (:id, :c, :m, :p, :r, :use, :a, coalesce(:s, 'MANUAL'), :by, :now)
				on conflict (community_id, meter_id, period) do update
				   set reading = excluded.reading, consumption = excluded.consumption, anomaly = excluded.anomaly,
				       source = coalesce(:s, billing.meter_reading.source), entered_by = excluded.entered_by,
				       entered_at = excluded.entered_at
				""").param("id", UUID.randomUUID()).param("c", communityId).param("m", meter.id()).param("p", period)
			.param("r", reading).param("use", consumption).param("a", anomaly).param("s", source).param("by", by)
			.param("now", Timestamp.from(this.clock.instant())).update();
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
		List<Map.Entry<Meter, BigDecimal>> valid = new ArrayList<>();
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
			else {
				valid.add(Map.entry(meter.get(), reading));
			}
		}
		if (!errors.isEmpty()) {
			return new ImportReport(rows.size(), 0, errors);
		}
		for (var entry : valid) {
			record(communityId, entry.getKey().id(), period, entry.getValue(), "IMPORT", by);
		}
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
