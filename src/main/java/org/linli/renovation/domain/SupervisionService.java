package org.linli.renovation.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.renovation.Actor;
import org.linli.renovation.Views;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resident supervisors (居民监督员): residents of the compound appointed by the project manager, one per 50
 * households. They see the whole project and file objections, which the project team must answer within the set
 * number of days; unanswered ones past that are overdue.
 */
@Service
public class SupervisionService {

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final IdentityApi identity;

	private final RegistryApi registry;

	private final RenovationSettings settings;

	private final Clock clock;

	SupervisionService(JdbcClient jdbc, ProjectService projects, IdentityApi identity, RegistryApi registry,
			RenovationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.identity = identity;
		this.registry = registry;
		this.settings = settings;
		this.clock = clock;
	}

	/** Appoints the resident with this account; they must live in the compound, and the quota must allow one more. */
	@Transactional
	public void appoint(UUID projectId, String username, Actor actor) {
		UUID communityId = this.projects.lock(projectId);
		String name = username == null ? "" : username.trim();
		UUID accountId = this.identity.accountId(name).orElse(null);
		UUID personId = accountId == null ? null : this.identity.personIdOf(name).orElse(null);
		boolean resident = personId != null && this.registry.householdOf(personId)
			.map(household -> household.communityId().equals(communityId))
			.orElse(false);
		if (!resident) {
			throw DomainException.invalid("username", "renovation.supervisor.notResident");
		}
		int current = this.jdbc.sql("select count(*) from renovation.supervisor where project_id = :p")
			.param("p", projectId).query(Integer.class).single();
		boolean already = this.jdbc.sql("""
				select count(*) from renovation.supervisor where project_id = :p and account_id = :a""")
			.param("p", projectId).param("a", accountId).query(Integer.class).single() > 0;
		if (already) {
			throw DomainException.invalid("username", "renovation.supervisor.already");
		}
		int allowed = allowed(communityId);
		if (current >= allowed) {
			throw DomainException.invalid("username", "renovation.supervisor.quota", allowed);
		}
		this.jdbc.sql("""
				insert into renovation.supervisor (community_id, project_id, account_id, username, appointed_at)
				values (:c, :p, :a, :u, :t)""")
			.param("c", communityId).param("p", projectId).param("a", accountId).param("u", name)
			.param("t", Timestamp.from(this.clock.instant())).update();
		this.projects.record(actor, "renovation.supervisor.appoint", projectId, name);
	}

	@Transactional
	public void dismiss(UUID projectId, UUID accountId, Actor actor) {
		this.projects.lock(projectId);
		int removed = this.jdbc.sql("delete from renovation.supervisor where project_id = :p and account_id = :a")
			.param("p", projectId).param("a", accountId).update();
		if (removed == 0) {
			throw DomainException.notFound("renovation.supervisor.notFound");
		}
		this.projects.record(actor, "renovation.supervisor.dismiss", projectId, accountId.toString());
	}

	/** One supervisor per 50 households, rounded up (a compound of 1,500 households has 30). */
	int allowed(UUID communityId) {
		long households = this.registry.summaries(List.of(communityId)).stream()
			.mapToLong(CommunitySummary::households).sum();
		int per = this.settings.householdsPerSupervisor();
		return (int) Math.max(1, (households + per - 1) / per);
	}

	public boolean isSupervisor(UUID projectId, UUID accountId) {
		return this.jdbc.sql("select count(*) from renovation.supervisor where project_id = :p and account_id = :a")
			.param("p", projectId).param("a", accountId).query(Integer.class).single() > 0;
	}

	/** The projects this account supervises. */
	public List<UUID> supervisedBy(UUID accountId) {
		return this.jdbc.sql("""
				select s.project_id from renovation.supervisor s join renovation.project p on p.id = s.project_id
				where s.account_id = :a order by p.created_at""")
			.param("a", accountId).query(UUID.class).list();
	}

	@Transactional
	public UUID object(UUID projectId, String text, Actor actor) {
		UUID communityId = this.projects.lock(projectId);
		if (!isSupervisor(projectId, actor.accountId())) {
			throw DomainException.conflict("renovation.objection.supervisorsOnly");
		}
		if (text == null || text.isBlank() || text.length() > 2000) {
			throw DomainException.invalid("text", "renovation.objection.text");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into renovation.objection (id, community_id, project_id, filed_by, text, filed_at)
				values (:id, :c, :p, :by, :t, :at)""")
			.param("id", id).param("c", communityId).param("p", projectId).param("by", actor.username())
			.param("t", text.trim()).param("at", Timestamp.from(this.clock.instant())).update();
		this.projects.record(actor, "renovation.objection.file", projectId, id.toString());
		return id;
	}

	/** The project team answers an objection once; the answer is kept with it. */
	@Transactional
	public void answer(UUID objectionId, String answer, Actor actor) {
		UUID projectId = projectOfObjection(objectionId);
		this.projects.lock(projectId);
		if (answer == null || answer.isBlank() || answer.length() > 2000) {
			throw DomainException.invalid("answer", "renovation.objection.answer");
		}
		int changed = this.jdbc.sql("""
				update renovation.objection set answer = :a, answered_by = :by, answered_at = :t
				where id = :id and answered_at is null""")
			.param("a", answer.trim()).param("by", actor.username()).param("t", Timestamp.from(this.clock.instant()))
			.param("id", objectionId).update();
		if (changed == 0) {
			throw DomainException.conflict("renovation.objection.answered");
		}
		this.projects.record(actor, "renovation.objection.answer", projectId, objectionId.toString());
	}

	public UUID projectOfObjection(UUID objectionId) {
		return this.jdbc.sql("select project_id from renovation.objection where id = :id").param("id", objectionId)
			.query(UUID.class).optional().orElseThrow(() -> DomainException.notFound("renovation.objection.notFound"));
	}

	@Transactional(readOnly = true)
	public Views.Supervision supervision(UUID projectId) {
		UUID communityId = this.projects.communityOf(projectId);
		List<Views.Supervisor> supervisors = this.jdbc.sql("""
				select account_id, username, appointed_at from renovation.supervisor where project_id = :p
				order by appointed_at""")
			.param("p", projectId)
			.query((rs, n) -> new Views.Supervisor(rs.getObject(1, UUID.class), rs.getString(2),
					ProjectReader.odt(rs.getTimestamp(3))))
			.list();
		return new Views.Supervision(supervisors, allowed(communityId), objections(projectId));
	}

	/** Open objections first (oldest first), then the answered ones. */
	public List<Views.Objection> objections(UUID projectId) {
		Instant now = this.clock.instant();
		int days = this.settings.objectionAnswerDays();
		return this.jdbc.sql("""
				select id, filed_by, text, filed_at, answer, answered_by, answered_at from renovation.objection
				where project_id = :p order by answered_at is not null, filed_at""")
			.param("p", projectId)
			.query((rs, n) -> {
				Instant filed = rs.getTimestamp(4).toInstant();
				Instant due = filed.plus(days, ChronoUnit.DAYS);
				Timestamp answered = rs.getTimestamp(7);
				return new Views.Objection(rs.getObject(1, UUID.class), projectId, rs.getString(2), rs.getString(3),
						ProjectReader.odt(rs.getTimestamp(4)), ProjectReader.odt(Timestamp.from(due)),
						answered == null && now.isAfter(due), rs.getString(5), rs.getString(6),
						ProjectReader.odt(answered));
			})
			.list();
	}

}
