package org.linli.governance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.governance.MediationShare;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mediation cases (矛盾调解) on three levels: building mediation (楼栋调解), community consultation (社区协商), referral
 * to judicial channels (司法途径). A case opens at building level with a deadline (setting, 5 days by default),
 * may be raised to the community, and ends resolved within the compound or referred.
 */
@Service
public class MediationService {

	public enum Category {
		PARKING, NOISE, LEAK, FEES, PETS, NEIGHBOUR, RENOVATION, OTHER
	}

	public enum Level {
		BUILDING, COMMUNITY, JUDICIAL
	}

	public enum Status {
		OPEN, RESOLVED, REFERRED
	}

	public enum Satisfaction {
		SATISFIED, NEUTRAL, DISSATISFIED
	}

	public record Party(String name, String room) {
	}

	public record Step(Level level, String note, String recordedBy, OffsetDateTime recordedAt) {
	}

	public record MediationCase(UUID id, UUID communityId, String title, Category category, String description,
			Level level, Status status, OffsetDateTime openedAt, OffsetDateTime dueAt, OffsetDateTime closedAt,
			String outcome, Satisfaction satisfaction, String mediator, int version, List<Party> parties,
			List<Step> steps, boolean overdue) {
	}

	private final JdbcClient jdbc;

	private final GovernanceSettings settings;

	private final AuditApi audit;

	private final Clock clock;

	MediationService(JdbcClient jdbc, GovernanceSettings settings, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID open(UUID communityId, String title, String category, String description, List<Party> parties,
			String mediator, String by) {
		Violations violations = new Violations();
		violations.require(title != null && !title.isBlank() && title.length() <= 120, "title",
				"governance.mediation.title.invalid");
		Category parsed = Enums.parse(Category.class, category);
		violations.require(parsed != null, "category", "governance.mediation.category.invalid");
		violations.require(description != null && !description.isBlank() && description.length() <= 5000,
				"description", "governance.mediation.description.invalid");
		List<Party> named = parties == null ? List.of()
				: parties.stream().filter(p -> p.name() != null && !p.name().isBlank()).toList();
		violations.require(named.size() >= 2 && named.size() <= 10
				&& named.stream().allMatch(p -> p.name().strip().length() <= 60
						&& (p.room() == null || p.room().strip().length() <= 60)),
				"parties", "governance.mediation.parties.invalid");
		violations.require(mediator == null || mediator.length() <= 60, "mediator",
				"governance.mediation.mediator.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("""
				insert into governance.mediation_case (id, community_id, title, category, description, level, status,
				    opened_at, due_at, mediator, created_by)
				values (:id, :c, :title, :category, :description, 'BUILDING', 'OPEN', :now, :due, :mediator, :by)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("title", title.strip())
			.param("category", parsed.name())
			.param("description", description.strip())
			.param("now", now)
			.param("due", now.plusDays(this.settings.of(communityId).mediationTargetDays()))
			.param("mediator", mediator == null || mediator.isBlank() ? null : mediator.strip())
			.param("by", by)
			.update();
		for (int i = 0; i < named.size(); i++) {
			Party party = named.get(i);
			this.jdbc.sql("insert into governance.mediation_party (case_id, community_id, position, name, room_label) "
					+ "values (:id, :c, :p, :name, :room)")
				.param("id", id)
				.param("c", communityId)
				.param("p", i + 1)
				.param("name", party.name().strip())
				.param("room", party.room() == null || party.room().isBlank() ? null : party.room().strip())
				.update();
		}
		step(communityId, id, Level.BUILDING, null, by, now);
		record(by, "OPEN mediation", id);
		return id;
	}

	/** Building mediation did not settle it: the community consults (社区协商). */
	@Transactional
	public void escalate(UUID communityId, UUID id, String note, int version, String by) {
		MediationCase current = get(communityId, id);
		if (current.status() != Status.OPEN || current.level() != Level.BUILDING) {
			throw DomainException.conflict("governance.mediation.notEscalatable");
		}
		change(current, version, "level = 'COMMUNITY'");
		step(communityId, id, Level.COMMUNITY, note(note), by, OffsetDateTime.now(this.clock));
		record(by, "ESCALATE mediation", id);
	}

	/** Not settled within the compound: referred to judicial channels (people's mediation committee, court). */
	@Transactional
	public void refer(UUID communityId, UUID id, String note, int version, String by) {
		MediationCase current = get(communityId, id);
		if (current.status() != Status.OPEN) {
			throw DomainException.conflict("governance.mediation.notOpen");
		}
		if (note == null || note.isBlank()) {
			throw DomainException.invalid("note", "governance.mediation.note.required");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int changed = this.jdbc.sql("""
				update governance.mediation_case set level = 'JUDICIAL', status = 'REFERRED', closed_at = :now,
				       outcome = :note, version = version + 1
				 where community_id = :c and id = :id and version = :version
				""")
			.param("now", now)
			.param("note", note(note))
			.param("c", communityId)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
		step(communityId, id, Level.JUDICIAL, note(note), by, now);
		record(by, "REFER mediation", id);
	}

	@Transactional
	public void resolve(UUID communityId, UUID id, String outcome, String satisfaction, int version, String by) {
		MediationCase current = get(communityId, id);
		if (current.status() != Status.OPEN) {
			throw DomainException.conflict("governance.mediation.notOpen");
		}
		Violations violations = new Violations();
		violations.require(outcome != null && !outcome.isBlank() && outcome.length() <= 2000, "outcome",
				"governance.mediation.outcome.invalid");
		Satisfaction parsed = Enums.parse(Satisfaction.class, satisfaction);
		violations.require(parsed != null, "satisfaction", "governance.mediation.satisfaction.invalid");
		violations.throwIfAny();
		int changed = this.jdbc.sql("""
				update governance.mediation_case set status = 'RESOLVED', closed_at = :now, outcome = :outcome,
				       satisfaction = :satisfaction, version = version + 1
				 where community_id = :c and id = :id and version = :version
				""")
			.param("now", OffsetDateTime.now(this.clock))
			.param("outcome", outcome.strip())
			.param("satisfaction", parsed.name())
			.param("c", communityId)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
		record(by, "RESOLVE mediation", id);
	}

	private void change(MediationCase current, int version, String set) {
		int changed = this.jdbc.sql("update governance.mediation_case set " + set + ", version = version + 1 "
				+ "where community_id = :c and id = :id and version = :version")
			.param("c", current.communityId())
			.param("id", current.id())
			.param("version", version)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
	}

	@Transactional(readOnly = true)
	public List<MediationCase> list(UUID communityId) {
		return this.jdbc.sql("select * from governance.mediation_case where community_id = :c "
				+ "order by status = 'OPEN' desc, opened_at desc limit 200")
			.param("c", communityId)
			.query(this::summary)
			.list();
	}

	@Transactional(readOnly = true)
	public MediationCase get(UUID communityId, UUID id) {
		MediationCase summary = this.jdbc.sql("select * from governance.mediation_case where community_id = :c and id = :id")
			.param("c", communityId)
			.param("id", id)
			.query(this::summary)
			.optional()
			.orElseThrow(() -> DomainException.notFound("governance.mediation.notFound"));
		List<Party> parties = this.jdbc.sql("select name, room_label from governance.mediation_party "
				+ "where case_id = :id order by position")
			.param("id", id)
			.query((rs, n) -> new Party(rs.getString(1), rs.getString(2)))
			.list();
		List<Step> steps = this.jdbc.sql("select level, note, recorded_by, recorded_at from governance.mediation_step "
				+ "where community_id = :c and case_id = :id order by recorded_at")
			.param("c", communityId)
			.param("id", id)
			.query((rs, n) -> new Step(Level.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
		return new MediationCase(summary.id(), summary.communityId(), summary.title(), summary.category(),
				summary.description(), summary.level(), summary.status(), summary.openedAt(), summary.dueAt(),
				summary.closedAt(), summary.outcome(), summary.satisfaction(), summary.mediator(), summary.version(),
				parties, steps, summary.overdue());
	}

	/** The share resolved within the compound over cases finished in the last year (dashboard figure). */
	@Transactional(readOnly = true)
	public MediationShare share(UUID communityId) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc.sql("""
				select count(*) filter (where status = 'RESOLVED') as resolved,
				       count(*) filter (where status <> 'OPEN') as finished,
				       count(*) filter (where status <> 'OPEN' and closed_at <= due_at) as on_time,
				       count(*) filter (where status = 'OPEN' and due_at < :now) as overdue
				  from governance.mediation_case
				 where community_id = :c and (status = 'OPEN' or closed_at >= :since)
				""")
			.param("c", communityId)
			.param("now", now)
			.param("since", now.minusYears(1))
			.query((rs, n) -> {
				long resolved = rs.getLong("resolved");
				long finished = rs.getLong("finished");
				BigDecimal share = finished == 0 ? null
						: BigDecimal.valueOf(resolved).divide(BigDecimal.valueOf(finished), 4, RoundingMode.HALF_UP);
				return new MediationShare(resolved, finished, share, rs.getLong("on_time"), rs.getLong("overdue"),
						MediationShare.TARGET);
			})
			.single();
	}

	private MediationCase summary(ResultSet rs, int row) throws SQLException {
		Status status = Status.valueOf(rs.getString("status"));
		OffsetDateTime due = local(rs.getObject("due_at", OffsetDateTime.class));
		String satisfaction = rs.getString("satisfaction");
		return new MediationCase(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("title"), Category.valueOf(rs.getString("category")), rs.getString("description"),
				Level.valueOf(rs.getString("level")), status, local(rs.getObject("opened_at", OffsetDateTime.class)), due,
				local(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("outcome"),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getString("mediator"),
				rs.getInt("version"), new ArrayList<>(), new ArrayList<>(),
				status == Status.OPEN && due.toInstant().isBefore(this.clock.instant()));
	}

	private OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(this.clock.getZone()).toOffsetDateTime();
	}

	private void step(UUID communityId, UUID id, Level level, String note, String by, OffsetDateTime at) {
		this.jdbc.sql("insert into governance.mediation_step (id, case_id, community_id, level, note, recorded_by, "
				+ "recorded_at) values (:id, :case, :c, :level, :note, :by, :at)")
			.param("id", UUID.randomUUID())
			.param("case", id)
			.param("c", communityId)
			.param("level", level.name())
			.param("note", note)
			.param("by", by)
			.param("at", at)
			.update();
	}

	private static String note(String note) {
		if (note != null && note.length() > 500) {
			throw DomainException.invalid("note", "governance.mediation.note.invalid");
		}
		return note == null || note.isBlank() ? null : note.strip();
	}

	private void record(String by, String action, UUID id) {
		this.audit.record(new AuditRecord(by, action, "mediation " + id, AuditRecord.Result.SUCCESS, null, null));
	}

}
