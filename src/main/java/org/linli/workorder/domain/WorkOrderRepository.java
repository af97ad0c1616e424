package org.linli.workorder.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores orders and their steps; every update checks the version the change was based on. */
@Repository
class WorkOrderRepository {

	private final JdbcClient jdbc;

	WorkOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(WorkOrder o) {
		this.jdbc.sql("""
				insert into workorder.work_order (id, community_id, kind, category, level, room_id, asset_id,
				  description, status, channel, reporter_person_id, reporter_account_id, contact, filed_by, created_at,
				  acknowledge_minutes, resolve_minutes, acknowledge_by, resolve_by, source_report_id)
				values (:id, :c, :kind, :category, :level, :room, :asset, :description, :status, :channel, :person,
				  :account, :contact, :filedBy, :createdAt, :ackMinutes, :resolveMinutes, :ackBy, :resolveBy, :source)
				""")
			.param("id", o.id)
			.param("c", o.communityId)
			.param("kind", o.kind.name())
			.param("category", o.category)
			.param("level", o.level.name())
			.param("room", o.roomId)
			.param("asset", o.assetId)
			.param("description", o.description)
			.param("status", o.status.name())
			.param("channel", o.channel.name())
			.param("person", o.reporterPersonId)
			.param("account", o.reporterAccountId)
			.param("contact", o.contact)
			.param("filedBy", o.filedBy)
			.param("createdAt", ts(o.createdAt))
			.param("ackMinutes", o.clock.acknowledgeTarget().toMinutes())
			.param("resolveMinutes", o.clock.resolveTarget().toMinutes())
			.param("ackBy", ts(o.clock.acknowledgeBy()))
			.param("resolveBy", ts(o.clock.resolveBy()))
			.param("source", o.sourceReportId)
			.update();
	}

	/** Writes the changed state; 409 when someone else changed the order since it was read. */
	void update(WorkOrder o) {
		int rows = this.jdbc.sql("""
				update workorder.work_order set status = :status, resume_status = :resume,
				  resolve_minutes = :resolveMinutes, paused_seconds = :paused, paused_since = :pausedSince,
				  acknowledge_by = :ackBy, resolve_by = :resolveBy, acknowledged_at = :ackAt, assigned_at = :assignedAt,
				  started_at = :startedAt, resolved_at = :resolvedAt, closed_at = :closedAt, assignee_account_id = :assignee,
				  assignee_name = :assigneeName, acknowledge_escalation = :ackEsc, resolve_escalation = :resolveEsc,
				  materials = :materials, fee_fen = :fee, rating = :rating, rating_comment = :ratingComment,
				  return_visit_at = :rvAt, return_visit_by = :rvBy, return_visit_note = :rvNote, version = version + 1
				 where community_id = :c and id = :id and version = :version
				""")
			.param("status", o.status.name())
			.param("resume", o.resumeStatus == null ? null : o.resumeStatus.name())
			.param("resolveMinutes", o.clock.resolveTarget().toMinutes())
			.param("paused", o.clock.paused().toSeconds())
			.param("pausedSince", ts(o.clock.pausedSince()))
			.param("ackBy", ts(o.clock.acknowledgeBy()))
			.param("resolveBy", ts(o.clock.resolveBy()))
			.param("ackAt", ts(o.acknowledgedAt))
			.param("assignedAt", ts(o.assignedAt))
			.param("startedAt", ts(o.startedAt))
			.param("resolvedAt", ts(o.resolvedAt))
			.param("closedAt", ts(o.closedAt))
			.param("assignee", o.assigneeAccountId)
			.param("assigneeName", o.assigneeName)
			.param("ackEsc", o.acknowledgeEscalation)
			.param("resolveEsc", o.resolveEscalation)
			.param("materials", o.materials)
			.param("fee", o.feeFen)
			.param("rating", o.rating)
			.param("ratingComment", o.ratingComment)
			.param("rvAt", ts(o.returnVisitAt))
			.param("rvBy", o.returnVisitBy)
			.param("rvNote", o.returnVisitNote)
			.param("c", o.communityId)
			.param("id", o.id)
			.param("version", o.version)
			.update();
		if (rows != 1) {
			throw DomainException.conflict("workorder.changed");
		}
	}

	Optional<WorkOrder> find(UUID id) {
		return this.jdbc.sql("select * from workorder.work_order where id = :id")
			.param("id", id)
			.query(WorkOrderRepository::row)
			.optional();
	}

	boolean existsForReport(UUID reportId) {
		return this.jdbc.sql("select count(*) from workorder.work_order where source_report_id = :r")
			.param("r", reportId)
			.query(Long.class)
			.single() > 0;
	}

	/** A page of a community's orders, newest first, with optional filters; null filters match everything. */
	List<WorkOrder> list(UUID communityId, Filter filter, int limit, long offset) {
		return this.jdbc.sql("select * from workorder.work_order o where " + filter.where()
				+ " order by o.created_at desc limit :limit offset :offset")
			.params(filter.params(communityId))
			.param("limit", limit)
			.param("offset", offset)
			.query(WorkOrderRepository::row)
			.list();
	}

	long count(UUID communityId, Filter filter) {
		return this.jdbc.sql("select count(*) from workorder.work_order o where " + filter.where())
			.params(filter.params(communityId))
			.query(Long.class)
			.single();
	}

	/**
	 * Who may see what, as SQL: everything, only repairs, only orders assigned to an account, or only a resident's
	 * own orders (reported by them, or repairs on their rooms).
	 */
	record Filter(Collection<Status> statuses, Kind kind, boolean repairsOnly, UUID assignee, UUID person,
			Collection<UUID> rooms, boolean overdueOnly, Instant now) {

		String where() {
			StringBuilder sql = new StringBuilder("o.community_id = :c");
			if (this.statuses != null && !this.statuses.isEmpty()) {
				sql.append(" and o.status in (:statuses)");
			}
			if (this.kind != null) {
				sql.append(" and o.kind = :kind");
			}
			if (this.repairsOnly) {
				sql.append(" and o.kind = 'REPAIR'");
			}
			if (this.assignee != null) {
				sql.append(" and o.assignee_account_id = :assignee");
			}
			if (this.person != null) {
				sql.append(" and (o.reporter_person_id = :person");
				if (this.rooms != null && !this.rooms.isEmpty()) {
					sql.append(" or (o.kind = 'REPAIR' and o.room_id in (:rooms))");
				}
				sql.append(")");
			}
			if (this.overdueOnly) {
				sql.append("""
						 and o.status not in ('RESOLVED', 'CLOSED', 'WAITING_RESIDENT')
						 and ((o.acknowledged_at is null and o.acknowledge_by < :now) or o.resolve_by < :now)
						""");
			}
			return sql.toString();
		}

		java.util.Map<String, Object> params(UUID communityId) {
			java.util.Map<String, Object> params = new java.util.HashMap<>();
			params.put("c", communityId);
			if (this.statuses != null && !this.statuses.isEmpty()) {
				params.put("statuses", this.statuses.stream().map(Status::name).toList());
			}
			if (this.kind != null) {
				params.put("kind", this.kind.name());
			}
			if (this.assignee != null) {
				params.put("assignee", this.assignee);
			}
			if (this.person != null) {
				params.put("person", this.person);
				if (this.rooms != null && !this.rooms.isEmpty()) {
					params.put("rooms", List.copyOf(this.rooms));
				}
			}
			if (this.overdueOnly) {
				params.put("now", ts(this.now));
			}
			return params;
		}

	}

	/** Open orders whose running deadline has passed, not waiting for the resident, locked for this run. */
	List<WorkOrder> lockOverdue(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from workorder.work_order
				 where status in ('SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS')
				   and ((acknowledged_at is null and acknowledge_by < :now and acknowledge_escalation < 2)
				     or (acknowledged_at is not null and resolve_by < :now and resolve_escalation < 2))
				 order by created_at limit :limit
				 for update skip locked
				""")
			.param("now", ts(now))
			.param("limit", limit)
			.query(WorkOrderRepository::row)
			.list();
	}

	/**
	 * Resolved orders whose resident has not confirmed within the community's delay ({@code defaultHours} where it
	 * has no setting), locked and skipping those another run holds.
	 */
	List<WorkOrder> lockUnconfirmed(Instant now, int defaultHours, int limit) {
		return this.jdbc.sql("""
				select w.* from workorder.work_order w
				  left join workorder.settings s on s.community_id = w.community_id
				 where w.status = 'RESOLVED'
				   and w.resolved_at + make_interval(hours => coalesce(s.auto_close_hours, :hours)) <= :now
				 order by w.resolved_at limit :limit
				 for update of w skip locked
				""")
			.param("now", ts(now))
			.param("hours", defaultHours)
			.param("limit", limit)
			.query(WorkOrderRepository::row)
			.list();
	}

	void updateEscalation(WorkOrder o) {
		this.jdbc.sql("""
				update workorder.work_order set acknowledge_escalation = :a, resolve_escalation = :r, version = version + 1
				 where id = :id
				""").param("a", o.acknowledgeEscalation).param("r", o.resolveEscalation).param("id", o.id).update();
	}

	/** Open orders per technician of the community: the current load for dispatch. */
	java.util.Map<UUID, Long> openLoad(UUID communityId) {
		java.util.Map<UUID, Long> load = new java.util.HashMap<>();
		this.jdbc.sql("""
				select assignee_account_id, count(*) from workorder.work_order
				 where community_id = :c and assignee_account_id is not null
				   and status in ('ASSIGNED', 'IN_PROGRESS', 'WAITING_RESIDENT')
				 group by assignee_account_id
				""").param("c", communityId).query((rs, n) -> {
			load.put(rs.getObject(1, UUID.class), rs.getLong(2));
			return null;
		}).list();
		return load;
	}

	UUID addStep(WorkOrder o, Status.Action action, Status from, String actor, String note, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into workorder.step (id, community_id, order_id, action, from_status, to_status, actor, note, at)
				values (:id, :c, :o, :action, :from, :to, :actor, :note, :at)
				""")
			.param("id", id)
			.param("c", o.communityId)
			.param("o", o.id)
			.param("action", action.name())
			.param("from", from == null ? null : from.name())
			.param("to", o.status.name())
			.param("actor", actor)
			.param("note", note)
			.param("at", ts(at))
			.update();
		return id;
	}

	List<Step> steps(UUID communityId, UUID orderId) {
		return this.jdbc.sql("""
				select id, action, from_status, to_status, actor, note, at from workorder.step
				 where community_id = :c and order_id = :o order by at, action = 'FILE' desc
				""")
			.param("c", communityId)
			.param("o", orderId)
			.query((rs, n) -> new Step(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static WorkOrder row(ResultSet rs, int n) throws SQLException {
		Instant created = instant(rs, "created_at");
		SlaClock clock = new SlaClock(created, Duration.ofMinutes(rs.getInt("acknowledge_minutes")),
				Duration.ofMinutes(rs.getInt("resolve_minutes")), Duration.ofSeconds(rs.getLong("paused_seconds")),
				instant(rs, "paused_since"));
		String resume = rs.getString("resume_status");
		WorkOrder o = new WorkOrder(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				Kind.valueOf(rs.getString("kind")), rs.getString("category"), Level.valueOf(rs.getString("level")),
				rs.getObject("room_id", UUID.class), rs.getObject("asset_id", UUID.class), rs.getString("description"),
				Status.valueOf(rs.getString("status")), resume == null ? null : Status.valueOf(resume),
				Channel.valueOf(rs.getString("channel")), rs.getObject("reporter_person_id", UUID.class),
				rs.getObject("reporter_account_id", UUID.class), rs.getString("contact"), rs.getString("filed_by"),
				created, clock, rs.getObject("source_report_id", UUID.class), rs.getInt("version"));
		o.acknowledgedAt = instant(rs, "acknowledged_at");
		o.assignedAt = instant(rs, "assigned_at");
		o.startedAt = instant(rs, "started_at");
		o.resolvedAt = instant(rs, "resolved_at");
		o.closedAt = instant(rs, "closed_at");
		o.assigneeAccountId = rs.getObject("assignee_account_id", UUID.class);
		o.assigneeName = rs.getString("assignee_name");
		o.acknowledgeEscalation = rs.getInt("acknowledge_escalation");
		o.resolveEscalation = rs.getInt("resolve_escalation");
		o.materials = rs.getString("materials");
		long fee = rs.getLong("fee_fen");
		o.feeFen = rs.wasNull() ? null : fee;
		int rating = rs.getInt("rating");
		o.rating = rs.wasNull() ? null : rating;
		o.ratingComment = rs.getString("rating_comment");
		o.returnVisitAt = instant(rs, "return_visit_at");
		o.returnVisitBy = rs.getString("return_visit_by");
		o.returnVisitNote = rs.getString("return_visit_note");
		return o;
	}

}
