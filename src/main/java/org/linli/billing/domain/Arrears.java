package org.linli.billing.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.billing.ArrearsReminderIssued;
import org.linli.shared.web.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrears (欠费): open bills past their due date, aged in buckets of days overdue (0-30, 31-90, 91-180, over 180),
 * reminder notices and payment plans (分期缴费).
 */
@Service
public class Arrears {

	public record Buckets(long upTo30Fen, long upTo90Fen, long upTo180Fen, long over180Fen, long rooms) {

		public long totalFen() {
			return this.upTo30Fen + this.upTo90Fen + this.upTo180Fen + this.over180Fen;
		}

	}

	public record RoomArrears(UUID roomId, String room, UUID householdId, long outstandingFen, LocalDate oldestDue,
			long daysOverdue, String bucket, OffsetDateTime lastReminder, boolean onPlan, long planOverdueFen) {
	}

	public record Reminder(UUID id, UUID roomId, String room, long outstandingFen, LocalDate oldestDue,
			String issuedBy, OffsetDateTime issuedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PaymentPlans plans;

	Arrears(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, PaymentPlans plans) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.plans = plans;
	}

	public static String bucket(long daysOverdue) {
		if (daysOverdue <= 30) {
			return "D0_30";
		}
		if (daysOverdue <= 90) {
			return "D31_90";
		}
		return daysOverdue <= 180 ? "D91_180" : "D180_PLUS";
	}

	public Buckets buckets(UUID communityId) {
		return this.jdbc.sql("""
				select coalesce(sum(o) filter (where d <= 30), 0), coalesce(sum(o) filter (where d between 31 and 90), 0),
				       coalesce(sum(o) filter (where d between 91 and 180), 0), coalesce(sum(o) filter (where d > 180), 0),
				       count(distinct room_id)
				  from (select room_id, amount_fen - paid_fen - credited_fen as o, :today - due_date as d
				          from billing.bill where community_id = :c and paid_fen + credited_fen < amount_fen
				           and due_date < :today) x
				""").param("c", communityId).param("today", Date.valueOf(today()))
			.query((rs, n) -> new Buckets(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/**
	 * Rooms in arrears, the longest overdue first, each with the overdue instalments of its active payment plan
	 * (a room on a plan still owes its old bills until they are paid: its overdue instalments are what to remind).
	 */
	public List<RoomArrears> rooms(UUID communityId, int limit) {
		java.util.Map<UUID, Long> planOverdue = this.plans.overdueByRoom(communityId);
		return this.jdbc.sql("""
				select b.room_id, r.building || ' ' || r.unit || '-' || r.number as room, r.household_id,
				       sum(b.amount_fen - b.paid_fen - b.credited_fen) as outstanding, min(b.due_date) as oldest,
				       (select max(issued_at) from billing.reminder m where m.community_id = b.community_id
				         and m.room_id = b.room_id) as last_reminder,
				       exists (select 1 from billing.payment_plan p where p.community_id = b.community_id
				         and p.room_id = b.room_id and p.status = 'ACTIVE') as on_plan
				  from billing.bill b
				  join billing.billable_room r on r.community_id = b.community_id and r.room_id = b.room_id
				 where b.community_id = :c and b.paid_fen + b.credited_fen < b.amount_fen and b.due_date < :today
				 group by b.community_id, b.room_id, r.building, r.unit, r.number, r.household_id
				 order by oldest, outstanding desc limit :l
				""").param("c", communityId).param("today", Date.valueOf(today())).param("l", limit)
			.query((rs, n) -> {
				LocalDate oldest = rs.getObject("oldest", LocalDate.class);
				long days = java.time.temporal.ChronoUnit.DAYS.between(oldest, today());
				return new RoomArrears(rs.getObject("room_id", UUID.class), rs.getString("room"),
						rs.getObject("household_id", UUID.class), rs.getLong("outstanding"), oldest, days, bucket(days),
						rs.getObject("last_reminder", OffsetDateTime.class), rs.getBoolean("on_plan"),
						planOverdue.getOrDefault(rs.getObject("room_id", UUID.class), 0L));
			})
			.list();
	}

	/** Issues a reminder notice for a room's overdue bills and announces it for in-app delivery. */
	@Transactional
	public UUID remind(UUID communityId, UUID roomId, String by) {
		RoomArrears arrears = rooms(communityId, Integer.MAX_VALUE).stream()
			.filter(a -> a.roomId().equals(roomId))
			.findFirst()
			.orElseThrow(() -> DomainException.conflict("billing.arrears.none"));
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.reminder (id, community_id, room_id, household_id, outstanding_fen, oldest_due,
				       issued_by, issued_at)
				values (:id, :c, :r, :h, :o, :due, :by, :now)
				""").param("id", id).param("c", communityId).param("r", roomId).param("h", arrears.householdId())
			.param("o", arrears.outstandingFen()).param("due", Date.valueOf(arrears.oldestDue())).param("by", by)
			.param("now", Timestamp.from(this.clock.instant())).update();
		this.events.publishEvent(new ArrearsReminderIssued(communityId, id, roomId, arrears.householdId(),
				arrears.outstandingFen(), arrears.oldestDue()));
		return id;
	}

	public java.util.Optional<Reminder> reminder(UUID communityId, UUID reminderId) {
		return this.jdbc.sql("""
				select m.*, r.building || ' ' || r.unit || '-' || r.number as room from billing.reminder m
				  join billing.billable_room r on r.community_id = m.community_id and r.room_id = m.room_id
				 where m.community_id = :c and m.id = :id
				""").param("c", communityId).param("id", reminderId)
			.query((rs, n) -> new Reminder(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
					rs.getString("room"), rs.getLong("outstanding_fen"), rs.getObject("oldest_due", LocalDate.class),
					rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class)))
			.optional();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
