package org.linli.governance.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.governance.Choice;
import org.linli.governance.Matter;
import org.linli.governance.NonVoters;
import org.linli.governance.VoteOpened;
import org.linli.governance.VoteResult;
import org.linli.governance.VoteTallied;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Votes from draft to result: creation, opening (the roll freezes), live progress and the close with its tally. */
@Service
public class VoteService {

	private static final String COLUMNS = """
			id, community_id, proposal_id, title, matter, description, status, closes_at, non_voters, created_by,
			opened_at, total_area, total_owners, closed_at, participating_area, participating_owners, approve_area,
			approve_owners, reject_area, reject_owners, abstain_area, abstain_owners, quorum_met, adopted, version
			""";

	/** Live figures of an open vote: what has been counted so far against the 2/3 quorum. */
	public record Progress(BigDecimal totalArea, long totalOwners, BigDecimal votedArea, long votedOwners,
			long pending, boolean areaQuorum, boolean ownersQuorum) {

		public int areaPercent() {
			return this.totalArea.signum() == 0 ? 0
					: this.votedArea.multiply(BigDecimal.valueOf(100))
						.divide(this.totalArea, 0, java.math.RoundingMode.DOWN)
						.intValue();
		}

		public int ownersPercent() {
			return this.totalOwners == 0 ? 0 : (int) (this.votedOwners * 100 / this.totalOwners);
		}

	}

	private final JdbcClient jdbc;

	private final RegistryApi registry;

	private final GovernanceSettings settings;

	private final ApplicationEventPublisher events;

	private final AuditApi audit;

	private final Clock clock;

	private final TallyRecords tallies;

	VoteService(JdbcClient jdbc, RegistryApi registry, GovernanceSettings settings,
			ApplicationEventPublisher events, AuditApi audit, Clock clock, TallyRecords tallies) {
		this.jdbc = jdbc;
		this.tallies = tallies;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID create(UUID communityId, String title, String matter, String description, OffsetDateTime closesAt,
			UUID proposalId, String by) {
		Violations violations = new Violations();
		String cleanTitle = title == null ? "" : title.strip();
		violations.require(!cleanTitle.isEmpty() && cleanTitle.length() <= 120, "title", "governance.vote.title.invalid");
		Matter parsed = Enums.parse(Matter.class, matter);
		violations.require(parsed != null, "matter", "governance.vote.matter.invalid");
		violations.require(closesAt != null && closesAt.toInstant().isAfter(this.clock.instant()), "closesAt",
				"governance.vote.closesAt.invalid");
		violations.require(description == null || description.length() <= 5000, "description",
				"governance.vote.description.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into governance.vote (id, community_id, proposal_id, title, matter, description, status,
				    closes_at, non_voters, created_by, created_at)
				values (:id, :c, :proposal, :title, :matter, :description, 'DRAFT', :closes, :rule, :by, :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("proposal", proposalId)
			.param("title", cleanTitle)
			.param("matter", parsed.name())
			.param("description", description == null || description.isBlank() ? null : description.strip())
			.param("closes", closesAt)
			.param("rule", this.settings.of(communityId).nonVoters().name())
			.param("by", by)
			.param("now", now())
			.update();
		record(by, "CREATE vote", id, parsed.name());
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Vote> find(UUID voteId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.vote where id = :id")
			.param("id", voteId)
			.query(this::vote)
			.optional();
	}

	public Vote get(UUID voteId) {
		return find(voteId).orElseThrow(() -> DomainException.notFound("governance.vote.notFound"));
	}

	@Transactional(readOnly = true)
	public List<Vote> list(UUID communityId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.vote where community_id = :c "
				+ "order by created_at desc limit 200")
			.param("c", communityId)
			.query(this::vote)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Vote> closed(UUID communityId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.vote where community_id = :c "
				+ "and status = 'CLOSED' order by closed_at desc limit 100")
			.param("c", communityId)
			.query(this::vote)
			.list();
	}

	/**
	 * Opens the vote: freezes the roll from the registry as it stands today (one registry read, the roll written as one
	 * document with its SHA-256) and records the in-app notice as served to every entry. The per-entry rows are
	 * expanded from the document after the commit, or first by whoever reads them before (RollExpansion); the person
	 * index is filled with them, hence {@code persons_indexed} at once.
	 */
	@Transactional
	public Vote open(UUID voteId, String by) {
		Vote vote = lock(voteId);
		if (vote.status() != Vote.Status.DRAFT) {
			throw DomainException.conflict("governance.vote.notDraft");
		}
		if (!vote.closesAt().toInstant().isAfter(this.clock.instant())) {
			throw DomainException.conflict("governance.vote.closesAt.passed");
		}
		OffsetDateTime now = now();
		LocalDate day = now.toLocalDate();
		List<RollEntry> roll = RollBuilder.build(this.registry.exclusiveParts(vote.communityId(), day),
				inPositionOrder());
		if (roll.isEmpty()) {
			throw DomainException.conflict("governance.vote.rollEmpty");
		}
		byte[] document = RollDocument.encode(roll);
		byte[] sha256 = RollDocument.sha256(document);
		this.jdbc.sql("""
				insert into governance.vote_roll (community_id, vote_id, entries, sha256, document, frozen_at)
				values (:c, :v, :entries, :sha256, :document, :now)
				""")
			.param("c", vote.communityId())
			.param("v", voteId)
			.param("entries", roll.size())
			.param("sha256", sha256)
			.param("document", document)
			.param("now", now)
			.update();
		BigDecimal totalArea = roll.stream().map(RollEntry::area).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.jdbc.sql("""
				update governance.vote set status = 'OPEN', opened_by = :by, opened_at = :now, roll_day = :day,
				       total_area = :area, total_owners = :owners, persons_indexed = true, version = version + 1
				 where id = :id
				""")
			.param("by", by)
			.param("now", now)
			.param("day", day)
			.param("area", totalArea)
			.param("owners", roll.size())
			.param("id", voteId)
			.update();
		this.jdbc.sql("""
				insert into governance.vote_notice (id, community_id, vote_id, kind, recipients, recorded_by, recorded_at)
				values (:id, :c, :v, 'IN_APP', :n, :by, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("c", vote.communityId())
			.param("v", voteId)
			.param("n", roll.size())
			.param("by", by)
			.param("now", now)
			.update();
		this.events.publishEvent(new VoteOpened(vote.communityId(), voteId, vote.title(), vote.matter(),
				vote.closesAt(), roll.size()));
		record(by, "OPEN vote", voteId,
				"owners=" + roll.size() + " area=" + totalArea + " roll sha256=" + java.util.HexFormat.of().formatHex(sha256));
		return get(voteId);
	}

	/**
	 * Entry ids that ascend with the position (a random prefix per vote, the position in the last 32 bits), so the
	 * roll's primary key grows at its right edge while the roll is written instead of taking 100,000 random inserts.
	 * RollBuilder asks for them in position order.
	 */
	static java.util.function.Supplier<UUID> inPositionOrder() {
		UUID base = UUID.randomUUID();
		long prefix = base.getLeastSignificantBits() & 0xFFFF_FFFF_0000_0000L;
		int[] next = { 0 };
		return () -> new UUID(base.getMostSignificantBits(), prefix | (++next[0] & 0xFFFF_FFFFL));
	}

	@Transactional(readOnly = true)
	public Progress progress(Vote vote) {
		if (vote.status() == Vote.Status.DRAFT) {
			return new Progress(BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, false, false);
		}
		Tally tally = counted(vote);
		VoteResult so = tally.result(vote.matter(), NonVoters.NOT_COUNTED, vote.totalArea(), vote.totalOwners());
		long pending = this.jdbc.sql("select count(*) from governance.ballot where community_id = :c and vote_id = :v "
				+ "and status = 'PENDING'").param("c", vote.communityId()).param("v", vote.id()).query(Long.class).single();
		return new Progress(vote.totalArea(), vote.totalOwners(), so.participatingArea(), so.participatingOwners(),
				pending, Tally.twoThirdsOf(so.participatingArea(), vote.totalArea()),
				Tally.twoThirdsOf(so.participatingOwners(), vote.totalOwners()));
	}

	/** Closes the vote and counts it; ballots still awaiting confirmation are not counted. */
	@Transactional
	public VoteResult close(UUID voteId, String by) {
		Vote vote = lock(voteId);
		if (vote.status() != Vote.Status.OPEN) {
			throw DomainException.conflict("governance.vote.notOpen");
		}
		VoteResult result = counted(vote).result(vote.matter(), vote.nonVoters(), vote.totalArea(), vote.totalOwners());
		OffsetDateTime now = now();
		this.jdbc.sql("""
				update governance.vote set status = 'CLOSED', closed_by = :by, closed_at = :now,
				       participating_area = :pa, participating_owners = :po, approve_area = :aa, approve_owners = :ao,
				       reject_area = :ra, reject_owners = :ro, abstain_area = :sa, abstain_owners = :so,
				       quorum_met = :quorum, adopted = :adopted, version = version + 1
				 where id = :id
				""")
			.param("by", by)
			.param("now", now)
			.param("pa", result.participatingArea())
			.param("po", result.participatingOwners())
			.param("aa", result.approveArea())
			.param("ao", result.approveOwners())
			.param("ra", result.rejectArea())
			.param("ro", result.rejectOwners())
			.param("sa", result.abstainArea())
			.param("so", result.abstainOwners())
			.param("quorum", result.quorumMet())
			.param("adopted", result.adopted())
			.param("id", voteId)
			.update();
		this.tallies.append(vote.communityId(), voteId, vote.title(), now, result);
		this.events.publishEvent(new VoteTallied(vote.communityId(), voteId, vote.title(), now, result));
		record(by, "CLOSE vote", voteId, "quorum=" + result.quorumMet() + " adopted=" + result.adopted());
		return result;
	}

	/**
	 * Counted ballots summed per choice in the database (exact numeric; each ballot carries its entry's area, so this
	 * reads one table), folded into a tally.
	 */
	private Tally counted(Vote vote) {
		Tally tally = new Tally();
		this.jdbc.sql("""
				select choice, coalesce(sum(area), 0) as area, count(*) as owners
				  from governance.ballot
				 where community_id = :c and vote_id = :v and status = 'COUNTED'
				 group by choice
				""")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.query((ResultSet rs) -> {
				tally.add(Choice.valueOf(rs.getString("choice")), rs.getBigDecimal("area"), rs.getLong("owners"));
			});
		return tally;
	}

	/** Reads the vote and locks its row, so opening, closing and ballots never interleave. */
	Vote lock(UUID voteId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.vote where id = :id for update")
			.param("id", voteId)
			.query(this::vote)
			.optional()
			.orElseThrow(() -> DomainException.notFound("governance.vote.notFound"));
	}

	/** Reads the vote with a shared lock: changes of its roll and ballots wait for a running open or close. */
	Vote lockShared(UUID voteId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.vote where id = :id for share")
			.param("id", voteId)
			.query(this::vote)
			.optional()
			.orElseThrow(() -> DomainException.notFound("governance.vote.notFound"));
	}

	/** Times as the community reads them (Asia/Shanghai unless configured), with their offset. */
	private OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(this.clock.getZone()).toOffsetDateTime();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	private void record(String by, String action, UUID voteId, String detail) {
		this.audit.record(new AuditRecord(by, action, "vote " + voteId, AuditRecord.Result.SUCCESS, null, detail));
	}

	private Vote vote(ResultSet rs, int row) throws SQLException {
		Matter matter = Matter.valueOf(rs.getString("matter"));
		NonVoters nonVoters = NonVoters.valueOf(rs.getString("non_voters"));
		VoteResult result = null;
		if ("CLOSED".equals(rs.getString("status"))) {
			result = new VoteResult(matter, nonVoters, rs.getBigDecimal("total_area"), rs.getLong("total_owners"),
					rs.getBigDecimal("participating_area"), rs.getLong("participating_owners"),
					rs.getBigDecimal("approve_area"), rs.getLong("approve_owners"), rs.getBigDecimal("reject_area"),
					rs.getLong("reject_owners"), rs.getBigDecimal("abstain_area"), rs.getLong("abstain_owners"),
					rs.getBoolean("quorum_met"), rs.getBoolean("adopted"));
		}
		return new Vote(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("proposal_id", UUID.class), rs.getString("title"), matter, rs.getString("description"),
				Vote.Status.valueOf(rs.getString("status")), local(rs.getObject("closes_at", OffsetDateTime.class)), nonVoters,
				rs.getString("created_by"), local(rs.getObject("opened_at", OffsetDateTime.class)),
				rs.getBigDecimal("total_area"), (Integer) rs.getObject("total_owners"),
				local(rs.getObject("closed_at", OffsetDateTime.class)), result, rs.getInt("version"));
	}

}
