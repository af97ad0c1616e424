package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The voter the co-owners of a roll entry designate (共有人推选的投票人). At the freeze the earliest recorded owner is
 * designated; committee or property staff may change it to another co-owner of the same entry on the co-owners'
 * written designation (scan attached, reason recorded, audited) while the vote is open and before any ballot of the
 * entry is counted or waiting for confirmation (a refused staff entry does not count). Changing it at the draft stage
 * is not possible: the roll does not exist before the vote opens. The entry row is locked, and ballots lock it too,
 * so a ballot and a change never both get through.
 */
@Service
public class Designations {

	/** One change of the designated voter, as kept. */
	public record Designation(UUID id, UUID voterId, UUID fromPersonId, UUID toPersonId, String toName, String reason,
			UUID attachmentId, String changedBy, OffsetDateTime changedAt) {
	}

	/** A co-owner of an entry with the name the registry has for that person. */
	public record CoOwner(UUID personId, String name, boolean designated) {
	}

	private final JdbcClient jdbc;

	private final VoteService votes;

	private final RollQueries roll;

	private final Attachments attachments;

	private final RegistryApi registry;

	private final AuditApi audit;

	private final Clock clock;

	Designations(JdbcClient jdbc, VoteService votes, RollQueries roll, Attachments attachments, RegistryApi registry,
			AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.votes = votes;
		this.roll = roll;
		this.attachments = attachments;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Designation change(UUID voteId, UUID voterId, String personId, String reason,
			Attachments.Upload designation, String by) {
		Vote vote = this.votes.lockShared(voteId);
		if (!vote.isOpen()) {
			throw DomainException.conflict("governance.designee.notOpen");
		}
		RollEntry entry = this.roll.lockEntry(vote, voterId)
			.orElseThrow(() -> DomainException.notFound("governance.ballot.voter.unknown"));
		Violations violations = new Violations();
		UUID person = parse(personId);
		String why = reason == null ? "" : reason.strip();
		violations.require(person != null && entry.personIds().contains(person), "personId",
				"governance.designee.notCoOwner");
		violations.require(!why.isEmpty() && why.length() <= 500, "reason", "governance.designee.reason.invalid");
		violations.require(Attachments.present(designation), "designation", "governance.designee.document.missing");
		violations.throwIfAny();
		if (person.equals(entry.designated())) {
			throw DomainException.conflict("governance.designee.unchanged");
		}
		long ballots = this.jdbc.sql("select count(*) from governance.ballot where community_id = :c and vote_id = :v "
				+ "and voter_id = :voter and status <> 'REFUSED'")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("voter", entry.voterId())
			.query(Long.class)
			.single();
		if (ballots > 0) {
			throw DomainException.conflict("governance.designee.afterBallot");
		}
		UUID attachment = this.attachments.store(vote.communityId(), designation, "designation", by);
		String name = this.registry.person(vote.communityId(), person)
			.map(brief -> brief.name())
			.orElseGet(() -> entry.ownerNames());
		Designation done = new Designation(UUID.randomUUID(), entry.voterId(), entry.designated(), person,
				name.length() > 60 ? name.substring(0, 60) : name, why, attachment, by, OffsetDateTime.now(this.clock));
		this.jdbc.sql("""
				update governance.voter set designated_person_id = :p
				 where community_id = :c and vote_id = :v and id = :voter
				""")
			.param("p", person)
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("voter", entry.voterId())
			.update();
		this.jdbc.sql("""
				insert into governance.designation (id, community_id, vote_id, voter_id, from_person_id, to_person_id,
				    to_name, reason, attachment_id, changed_by, changed_at)
				values (:id, :c, :v, :voter, :from, :to, :name, :reason, :attachment, :by, :at)
				""")
			.param("id", done.id())
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("voter", done.voterId())
			.param("from", done.fromPersonId())
			.param("to", done.toPersonId())
			.param("name", done.toName())
			.param("reason", done.reason())
			.param("attachment", done.attachmentId())
			.param("by", by)
			.param("at", done.changedAt())
			.update();
		this.audit.record(new AuditRecord(by, "CHANGE designated voter", "vote " + vote.id() + " voter " + voterId,
				AuditRecord.Result.SUCCESS, null,
				"from " + done.fromPersonId() + " to " + person + ": " + (why.length() > 300 ? why.substring(0, 300) : why)));
		return done;
	}

	/** Every change of one entry's designated voter, earliest first. */
	@Transactional(readOnly = true)
	public List<Designation> history(Vote vote, UUID voterId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.designation where community_id = :c "
				+ "and vote_id = :v and voter_id = :voter order by changed_at, id")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("voter", voterId)
			.query(this::designation)
			.list();
	}

	/** The latest change of each of the given entries that has one. */
	@Transactional(readOnly = true)
	public Map<UUID, Designation> latest(Vote vote, Collection<UUID> voterIds) {
		Map<UUID, Designation> latest = new HashMap<>();
		if (voterIds.isEmpty()) {
			return latest;
		}
		this.jdbc.sql("select " + COLUMNS + " from governance.designation where community_id = :c and vote_id = :v "
				+ "and voter_id in (:voters) order by changed_at, id")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("voters", List.copyOf(voterIds))
			.query(this::designation)
			.list()
			.forEach(d -> latest.put(d.voterId(), d));
		return latest;
	}

	/** The latest change of one entry, if any. */
	@Transactional(readOnly = true)
	public Optional<Designation> latest(Vote vote, UUID voterId) {
		return Optional.ofNullable(latest(vote, List.of(voterId)).get(voterId));
	}

	/** The co-owners of an entry with their registered names, the designated one marked. */
	@Transactional(readOnly = true)
	public List<CoOwner> coOwners(Vote vote, RollEntry entry) {
		return entry.personIds()
			.stream()
			.map(id -> new CoOwner(id,
					this.registry.person(vote.communityId(), id).map(brief -> brief.name()).orElse(id.toString()),
					id.equals(entry.designated())))
			.toList();
	}

	private static final String COLUMNS = """
			id, voter_id, from_person_id, to_person_id, to_name, reason, attachment_id, changed_by, changed_at
			""";

	private Designation designation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Designation(rs.getObject("id", UUID.class), rs.getObject("voter_id", UUID.class),
				rs.getObject("from_person_id", UUID.class), rs.getObject("to_person_id", UUID.class),
				rs.getString("to_name"), rs.getString("reason"), rs.getObject("attachment_id", UUID.class),
				rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class)
					.atZoneSameInstant(this.clock.getZone())
					.toOffsetDateTime());
	}

	private static UUID parse(String id) {
		try {
			return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
