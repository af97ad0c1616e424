package org.linli.governance.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint meetings of the four parties (四方联席会议: party organisation, owners' committee, property company, resident
 * representatives), held monthly: agenda, attendance, minutes, decisions and action items with an owner and a due
 * date; items past their date and not done are listed as overdue.
 */
@Service
public class MeetingService {

	public enum Party {
		PARTY, COMMITTEE, PROPERTY, RESIDENTS
	}

	public record Attendee(Party party, String name) {
	}

	public record ActionItem(UUID id, UUID meetingId, String meetingTitle, String title, String ownerName,
			Party ownerParty, LocalDate dueOn, LocalDate doneOn, boolean overdue) {
	}

	public record Meeting(UUID id, UUID communityId, String title, LocalDate heldOn, String location, String agenda,
			String minutes, String decisions, int version, List<Attendee> attendees, List<ActionItem> actions) {

		public List<String> namesOf(Party party) {
			return this.attendees.stream().filter(a -> a.party() == party).map(Attendee::name).toList();
		}

		/** Whether all four parties were there (the point of a joint meeting). */
		public boolean allPartiesPresent() {
			return java.util.Arrays.stream(Party.values()).allMatch(p -> !namesOf(p).isEmpty());
		}

	}

	private final JdbcClient jdbc;

	private final AuditApi audit;

	private final Clock clock;

	MeetingService(JdbcClient jdbc, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID schedule(UUID communityId, String title, LocalDate heldOn, String location, String agenda, String by) {
		Violations violations = new Violations();
		violations.require(title != null && !title.isBlank() && title.length() <= 120, "title",
				"governance.meeting.title.invalid");
		violations.require(heldOn != null, "heldOn", "governance.meeting.heldOn.invalid");
		violations.require(location == null || location.length() <= 120, "location",
				"governance.meeting.location.invalid");
		violations.require(agenda != null && !agenda.isBlank() && agenda.length() <= 5000, "agenda",
				"governance.meeting.agenda.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into governance.meeting (id, community_id, title, held_on, location, agenda, created_by, created_at)
				values (:id, :c, :title, :held, :location, :agenda, :by, :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("title", title.strip())
			.param("held", heldOn)
			.param("location", location == null || location.isBlank() ? null : location.strip())
			.param("agenda", agenda.strip())
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		record(by, "SCHEDULE meeting", id);
		return id;
	}

	/** Minutes, decisions and who attended for each party (names one per line); replaces what was recorded. */
	@Transactional
	public void recordMinutes(UUID communityId, UUID id, String minutes, String decisions, List<Attendee> attendees,
			int version, String by) {
		Violations violations = new Violations();
		violations.require(minutes != null && !minutes.isBlank() && minutes.length() <= 20000, "minutes",
				"governance.meeting.minutes.invalid");
		violations.require(decisions == null || decisions.length() <= 5000, "decisions",
				"governance.meeting.decisions.invalid");
		violations.require(attendees.stream().allMatch(a -> a.name().length() <= 60) && attendees.size() <= 100,
				"attendees", "governance.meeting.attendees.invalid");
		violations.throwIfAny();
		get(communityId, id);
		int changed = this.jdbc.sql("""
				update governance.meeting set minutes = :minutes, decisions = :decisions, version = version + 1
				 where community_id = :c and id = :id and version = :version
				""")
			.param("minutes", minutes.strip())
			.param("decisions", decisions == null || decisions.isBlank() ? null : decisions.strip())
			.param("c", communityId)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
		this.jdbc.sql("delete from governance.meeting_attendee where community_id = :c and meeting_id = :id")
			.param("c", communityId)
			.param("id", id)
			.update();
		for (Attendee attendee : attendees.stream().distinct().toList()) {
			this.jdbc.sql("insert into governance.meeting_attendee (meeting_id, community_id, party, name) "
					+ "values (:id, :c, :party, :name)")
				.param("id", id)
				.param("c", communityId)
				.param("party", attendee.party().name())
				.param("name", attendee.name())
				.update();
		}
		record(by, "RECORD minutes", id);
	}

	@Transactional
	public UUID addAction(UUID communityId, UUID meetingId, String title, String ownerName, String ownerParty,
			LocalDate dueOn, String by) {
		get(communityId, meetingId);
		Violations violations = new Violations();
		violations.require(title != null && !title.isBlank() && title.length() <= 200, "title",
				"governance.action.title.invalid");
		violations.require(ownerName != null && !ownerName.isBlank() && ownerName.length() <= 60, "ownerName",
				"governance.action.owner.invalid");
		Party party = Enums.parse(Party.class, ownerParty);
		violations.require(party != null, "ownerParty", "governance.action.party.invalid");
		violations.require(dueOn != null, "dueOn", "governance.action.due.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into governance.action_item (id, community_id, meeting_id, title, owner_name, owner_party, due_on,
				    created_at)
				values (:id, :c, :m, :title, :owner, :party, :due, :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("m", meetingId)
			.param("title", title.strip())
			.param("owner", ownerName.strip())
			.param("party", party.name())
			.param("due", dueOn)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		return id;
	}

	@Transactional
	public void complete(UUID communityId, UUID actionId, String by) {
		int changed = this.jdbc.sql("update governance.action_item set done_on = :today, done_by = :by "
				+ "where community_id = :c and id = :id and done_on is null")
			.param("today", LocalDate.now(this.clock))
			.param("by", by)
			.param("c", communityId)
			.param("id", actionId)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.action.notOpen");
		}
		record(by, "COMPLETE action item", actionId);
	}

	@Transactional(readOnly = true)
	public List<Meeting> list(UUID communityId) {
		return this.jdbc.sql("select * from governance.meeting where community_id = :c order by held_on desc limit 100")
			.param("c", communityId)
			.query((rs, n) -> meeting(rs, List.of(), List.of()))
			.list();
	}

	@Transactional(readOnly = true)
	public Meeting get(UUID communityId, UUID id) {
		List<Attendee> attendees = this.jdbc.sql("select party, name from governance.meeting_attendee "
				+ "where community_id = :c and meeting_id = :id order by party, name")
			.param("c", communityId)
			.param("id", id)
			.query((rs, n) -> new Attendee(Party.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		List<ActionItem> actions = actions(communityId, " and a.meeting_id = :m", id);
		return this.jdbc.sql("select * from governance.meeting where community_id = :c and id = :id")
			.param("c", communityId)
			.param("id", id)
			.query((rs, n) -> meeting(rs, attendees, actions))
			.optional()
			.orElseThrow(() -> DomainException.notFound("governance.meeting.notFound"));
	}

	/** Action items past their due date and not done, oldest first. */
	@Transactional(readOnly = true)
	public List<ActionItem> overdue(UUID communityId) {
		return actions(communityId, " and a.done_on is null and a.due_on < :today", null);
	}

	private List<ActionItem> actions(UUID communityId, String filter, UUID meetingId) {
		LocalDate today = LocalDate.now(this.clock);
		var spec = this.jdbc.sql("""
				select a.id, a.meeting_id, m.title as meeting_title, a.title, a.owner_name, a.owner_party, a.due_on,
				       a.done_on
				  from governance.action_item a
				  join governance.meeting m on m.id = a.meeting_id and m.community_id = a.community_id
				 where a.community_id = :c""" + filter + " order by a.due_on, a.title")
			.param("c", communityId);
		if (filter.contains(":today")) {
			spec = spec.param("today", today);
		}
		if (meetingId != null) {
			spec = spec.param("m", meetingId);
		}
		return spec.query((rs, n) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			LocalDate done = rs.getObject("done_on", LocalDate.class);
			return new ActionItem(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
					rs.getString("meeting_title"), rs.getString("title"), rs.getString("owner_name"),
					Party.valueOf(rs.getString("owner_party")), due, done, done == null && due.isBefore(today));
		}).list();
	}

	private static Meeting meeting(java.sql.ResultSet rs, List<Attendee> attendees, List<ActionItem> actions)
			throws java.sql.SQLException {
		return new Meeting(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("title"), rs.getObject("held_on", LocalDate.class), rs.getString("location"),
				rs.getString("agenda"), rs.getString("minutes"), rs.getString("decisions"), rs.getInt("version"),
				new ArrayList<>(attendees), new ArrayList<>(actions));
	}

	private void record(String by, String action, UUID id) {
		this.audit.record(new AuditRecord(by, action, "meeting " + id, AuditRecord.Result.SUCCESS, null, null));
	}

}
