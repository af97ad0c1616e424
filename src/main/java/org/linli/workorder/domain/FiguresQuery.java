package org.linli.workorder.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.linli.workorder.WorkOrderFigures;
import org.linli.workorder.WorkOrderStats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts the figures of DOMAIN.md §2/§6 in the database, grouped by category, technician and month. */
@Service
public class FiguresQuery {

	private static final String MEASURES = """
			count(*) as orders,
			count(*) filter (where acknowledged_at is not null and acknowledged_at <= created_at + interval '15 minutes') as ack15,
			count(*) filter (where acknowledged_at is not null and acknowledged_at <= acknowledge_by) as ack_target,
			count(*) filter (where resolved_at is not null) as resolved,
			count(*) filter (where resolved_at is not null and resolved_at <= resolve_by) as resolved_target,
			round(avg(extract(epoch from acknowledged_at - created_at) / 60)) as avg_ack,
			round(avg(extract(epoch from resolved_at - created_at) / 60)) as avg_resolve,
			count(rating) as ratings,
			count(*) filter (where rating >= 4) as satisfied,
			coalesce(sum(rating), 0) as rating_sum
			""";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	FiguresQuery(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	@Transactional(readOnly = true)
	public WorkOrderFigures figures(UUID communityId, YearMonth from, YearMonth to) {
		Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(this.zone).toInstant());
		Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant());
		WorkOrderStats total = group(communityId, start, end, "'ALL'", null).stream().findFirst()
			.orElse(new WorkOrderStats("ALL", null, 0, 0, 0, 0, 0, null, null, 0, 0, 0));
		return new WorkOrderFigures(communityId, from, to, total,
				group(communityId, start, end, "category", null),
				group(communityId, start, end, "assignee_account_id::text", "max(assignee_name)"),
				group(communityId, start, end, "to_char(created_at at time zone '" + this.zone.getId() + "', 'YYYY-MM')",
						null));
	}

	private List<WorkOrderStats> group(UUID communityId, Timestamp start, Timestamp end, String key, String label) {
		String keyFilter = key.startsWith("assignee") ? " and assignee_account_id is not null" : "";
		return this.jdbc.sql("select " + key + " as k, " + (label == null ? "null" : label) + " as label, " + MEASURES
				+ " from workorder.work_order where community_id = :c and created_at >= :start and created_at < :end"
				+ keyFilter + " group by 1 order by 1")
			.param("c", communityId)
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new WorkOrderStats(rs.getString("k"), rs.getString("label"), rs.getLong("orders"),
					rs.getLong("ack15"), rs.getLong("ack_target"), rs.getLong("resolved"),
					rs.getLong("resolved_target"), longOrNull(rs, "avg_ack"),
					longOrNull(rs, "avg_resolve"), rs.getLong("ratings"), rs.getLong("satisfied"),
					rs.getLong("rating_sum")))
			.list();
	}

	private static Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
