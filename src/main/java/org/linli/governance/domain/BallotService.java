package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.governance.Choice;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ballots: one per owner on the roll (the database refuses a second, 409). Owners vote online for their own entry as
 * its designated voter; staff enter paper ballots (scan attached) and written proxies (authorisation attached), which
 * count once a different account confirms them. Nothing changes a ballot after the close (trigger in V20).
 */
@Service
public class BallotService {

	private static final String COLUMNS = """
			b.id, b.vote_id, b.voter_id, b.choice, b.channel, b.status, b.cast_by, b.proxy_name, b.attachment_id,
			b.created_at, b.confirmed_by, v.rooms_label
			""";

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	private final VoteService votes;

	private final RollQueries roll;

	private final RollExpansion expansion;

	private final Attachments attachments;

	private final AuditApi audit;

	private final Clock clock;

	BallotService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, VoteService votes,
			RollQueries roll, RollExpansion expansion, Attachments attachments, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.expansion = expansion;
		this.template = template;
		this.votes = votes;
		this.roll = roll;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
	}

	/** The owner's own online ballot, counted at once. */
	@Transactional
	public UUID castOnline(UUID voteId, CurrentUser owner, String choice) {
		Vote vote = openVote(voteId);
		if (!this.clock.instant().isBefore(vote.closesAt().toInstant())) {
			throw DomainException.conflict("governance.vote.closesAt.passed");
		}
		Choice parsed = choice(choice, false);
		RollEntry entry = this.roll.ofPerson(vote, owner.personId())
			.orElseThrow(() -> new DomainException(HttpStatus.FORBIDDEN, null, "governance.ballot.notOnRoll"));
		if (!owner.personId().equals(entry.designated())) {
			throw new DomainException(HttpStatus.FORBIDDEN, null, "governance.ballot.notDesignated");
		}
		UUID id = insert(vote, entry, parsed, Ballot.Channel.ONLINE, "COUNTED", owner.getUsername(),
				owner.personId(), null, null);
		record(owner.getUsername(), "CAST ballot", vote, id, "ONLINE");
		return id;
	}

	/**
	 * Ballots the owners cast online elsewhere (demo data, an e-voting kiosk), counted at once, for the roll entries
	 * whose designated voter is among the persons; persons not designated on the roll and entries that already have a
	 * ballot are skipped. Single-table reads and one JDBC batch, so a freshly frozen roll of 100,000 entries costs
	 * no more than its size. Returns how many ballots were recorded.
	 */
	@Transactional
	public int castOnlineAll(UUID voteId, java.util.Map<UUID, Choice> choices, String by) {
		Vote vote = openVote(voteId);
		java.util.Set<UUID> voted = new java.util.HashSet<>(this.jdbc.sql("""
				select voter_id from governance.ballot where community_id = :c and vote_id = :v and status <> 'REFUSED'
				""").param("c", vote.communityId()).param("v", vote.id()).query(UUID.class).list());
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant());
		List<Object[]> rows = new java.util.ArrayList<>();
		this.jdbc.sql("select id, designated_person_id, area from governance.voter where community_id = :c "
				+ "and vote_id = :v and designated_person_id is not null")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.query((java.sql.ResultSet rs) -> {
				UUID voter = rs.getObject(1, UUID.class);
				Choice choice = choices.get(rs.getObject(2, UUID.class));
				if (choice != null && !voted.contains(voter)) {
					rows.add(new Object[] { UUID.randomUUID(), vote.communityId(), vote.id(), voter, choice.name(),
							rs.getBigDecimal(3), by, rs.getObject(2, UUID.class), now, by, now });
				}
			});
		this.template.batchUpdate("""
				insert into governance.ballot (id, community_id, vote_id, voter_id, choice, area, channel, status, cast_by,
				    person_id, created_at, confirmed_by, confirmed_at)
				values (?, ?, ?, ?, ?, ?, 'ONLINE', 'COUNTED', ?, ?, ?, ?, ?)
				""", rows);
		record(by, "CAST ballots", vote, null, "ONLINE x" + rows.size());
		return rows.size();
	}

	/**
	 * A paper ballot entered by staff. The pages require the scanned page with the entry; the API (whose contract
	 * takes only voter and choice) may attach it afterwards, and the console shows ballots still without one.
	 */
	@Transactional
	public UUID enterPaper(UUID voteId, String voterId, String choice, Attachments.Upload scan, String by) {
		Vote vote = openVote(voteId);
		RollEntry entry = entry(vote, voterId);
		Choice parsed = choice(choice, true);
		UUID attachment = Attachments.present(scan) ? this.attachments.store(vote.communityId(), scan, "scan", by) : null;
		UUID id = insert(vote, entry, parsed, Ballot.Channel.PAPER, "PENDING", by, null, null, attachment);
		record(by, "ENTER paper ballot", vote, id, entry.roomsLabel());
		return id;
	}

	/** A ballot cast by a written proxy; the signed authorisation is required. */
	@Transactional
	public UUID enterProxy(UUID voteId, String voterId, String choice, String proxyName,
			Attachments.Upload authorisation, String by) {
		Vote vote = openVote(voteId);
		Violations violations = new Violations();
		String name = proxyName == null ? "" : proxyName.strip();
		violations.require(!name.isEmpty() && name.length() <= 60, "proxyName", "governance.ballot.proxyName.invalid");
		violations.require(Attachments.present(authorisation), "authorisation", "governance.attachment.missing");
		violations.throwIfAny();
		RollEntry entry = entry(vote, voterId);
		Choice parsed = choice(choice, true);
		UUID attachment = this.attachments.store(vote.communityId(), authorisation, "authorisation", by);
		UUID id = insert(vote, entry, parsed, Ballot.Channel.PROXY, "PENDING", by, null, name, attachment);
		record(by, "ENTER proxy ballot", vote, id, entry.roomsLabel());
		return id;
	}

	@Transactional
	public void attachScan(UUID voteId, UUID ballotId, Attachments.Upload scan, String by) {
		Vote vote = openVote(voteId);
		Ballot ballot = pending(vote, ballotId);
		UUID attachment = this.attachments.store(vote.communityId(), scan, "scan", by);
		this.jdbc.sql("update governance.ballot set attachment_id = :a where id = :id")
			.param("a", attachment)
			.param("id", ballot.id())
			.update();
	}

	/** The second pair of eyes: a different account confirms a staff-entered ballot and it counts. */
	@Transactional
	public void confirm(UUID voteId, UUID ballotId, String by) {
		Vote vote = openVote(voteId);
		Ballot ballot = pending(vote, ballotId);
		if (ballot.castBy().equals(by)) {
			throw DomainException.conflict("governance.ballot.sameAccount");
		}
		this.jdbc.sql("update governance.ballot set status = 'COUNTED', confirmed_by = :by, confirmed_at = :now "
				+ "where id = :id")
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.param("id", ballot.id())
			.update();
		record(by, "CONFIRM ballot", vote, ballot.id(), ballot.channel().name());
	}

	/** A different account refuses a wrongly entered ballot; the owner's ballot may then be entered again. */
	@Transactional
	public void refuse(UUID voteId, UUID ballotId, String by) {
		Vote vote = openVote(voteId);
		Ballot ballot = pending(vote, ballotId);
		if (ballot.castBy().equals(by)) {
			throw DomainException.conflict("governance.ballot.sameAccount");
		}
		this.jdbc.sql("update governance.ballot set status = 'REFUSED', confirmed_by = :by, confirmed_at = :now "
				+ "where id = :id")
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.param("id", ballot.id())
			.update();
		record(by, "REFUSE ballot", vote, ballot.id(), ballot.channel().name());
	}

	@Transactional(readOnly = true)
	public List<Ballot> list(Vote vote, Ballot.Status status) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.ballot b join governance.voter v "
				+ "on v.community_id = b.community_id and v.vote_id = b.vote_id and v.id = b.voter_id "
				+ "where b.community_id = :c and b.vote_id = :vote" + (status == null ? "" : " and b.status = :status")
				+ " order by b.created_at desc limit 500")
			.param("c", vote.communityId())
			.param("vote", vote.id())
			.param("status", status == null ? "" : status.name())
			.query(BallotService::ballot)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Ballot> find(Vote vote, UUID ballotId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.ballot b join governance.voter v "
				+ "on v.community_id = b.community_id and v.vote_id = b.vote_id and v.id = b.voter_id "
				+ "where b.community_id = :c and b.vote_id = :vote and b.id = :id")
			.param("c", vote.communityId())
			.param("vote", vote.id())
			.param("id", ballotId)
			.query(BallotService::ballot)
			.optional();
	}

	/** The ballot of the roll entry (the one that counts or waits), if any. */
	@Transactional(readOnly = true)
	public Optional<Ballot> ofVoter(Vote vote, UUID voterId) {
		return this.jdbc.sql("select " + COLUMNS + " from governance.ballot b join governance.voter v "
				+ "on v.community_id = b.community_id and v.vote_id = b.vote_id and v.id = b.voter_id "
				+ "where b.community_id = :c and b.vote_id = :vote and b.voter_id = :voter and b.status <> 'REFUSED'")
			.param("c", vote.communityId())
			.param("vote", vote.id())
			.param("voter", voterId)
			.query(BallotService::ballot)
			.optional();
	}

	private UUID insert(Vote vote, RollEntry entry, Choice choice, Ballot.Channel channel, String status, String by,
			UUID personId, String proxyName, UUID attachment) {
		UUID voterId = entry.voterId();
		// the entry's row, shared: a change of its designated voter waits for this ballot, or this for the change
		UUID designated = this.jdbc.sql("select designated_person_id from governance.voter "
				+ "where community_id = :c and vote_id = :v and id = :id for share")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("id", voterId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.single()
			.orElse(null);
		if (channel == Ballot.Channel.ONLINE && !personId.equals(designated)) {
			throw new DomainException(HttpStatus.FORBIDDEN, null, "governance.ballot.notDesignated");
		}
		if (ofVoter(vote, voterId).isPresent()) {
			throw DomainException.conflict("governance.ballot.duplicate");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		try {
			this.jdbc.sql("""
					insert into governance.ballot (id, community_id, vote_id, voter_id, choice, area, channel, status,
					    cast_by, person_id, proxy_name, attachment_id, created_at, confirmed_by, confirmed_at)
					values (:id, :c, :v, :voter, :choice, :area, :channel, :status, :by, :person, :proxy, :attachment,
					    :now, :confirmedBy, :confirmedAt)
					""")
				.param("id", id)
				.param("c", vote.communityId())
				.param("v", vote.id())
				.param("voter", voterId)
				.param("choice", choice.name())
				.param("area", entry.area())
				.param("channel", channel.name())
				.param("status", status)
				.param("by", by)
				.param("person", personId)
				.param("proxy", proxyName)
				.param("attachment", attachment)
				.param("now", now)
				.param("confirmedBy", "COUNTED".equals(status) ? by : null)
				.param("confirmedAt", "COUNTED".equals(status) ? now : null)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("governance.ballot.duplicate");
		}
		return id;
	}

	/**
	 * The vote, locked, and open, with its roll's entries in place; ballots wait for a running open or close to
	 * finish.
	 */
	private Vote openVote(UUID voteId) {
		boolean exists = this.jdbc.sql("select 1 from governance.vote where id = :id for share")
			.param("id", voteId)
			.query()
			.listOfRows()
			.size() == 1;
		if (!exists) {
			throw DomainException.notFound("governance.vote.notFound");
		}
		Vote vote = this.votes.get(voteId);
		if (!vote.isOpen()) {
			throw DomainException.conflict("governance.vote.notOpen");
		}
		// ballots reference the roll's entries: expanded from the frozen document if the opening's expansion is
		// still running
		this.expansion.ensure(vote);
		return vote;
	}

	private RollEntry entry(Vote vote, String voterId) {
		UUID id = parse(voterId);
		return (id == null ? Optional.<RollEntry>empty() : this.roll.entry(vote, id))
			.orElseThrow(() -> DomainException.invalid("voterId", "governance.ballot.voter.unknown"));
	}

	private Ballot pending(Vote vote, UUID ballotId) {
		Ballot ballot = find(vote, ballotId).orElseThrow(() -> DomainException.notFound("governance.ballot.notFound"));
		if (ballot.status() != Ballot.Status.PENDING) {
			throw DomainException.conflict("governance.ballot.notPending");
		}
		return ballot;
	}

	private static Choice choice(String value, boolean spoiledAllowed) {
		Choice choice = Enums.parse(Choice.class, value);
		if (choice == null || (choice == Choice.SPOILED && !spoiledAllowed)) {
			throw DomainException.invalid("choice", "governance.ballot.choice.invalid");
		}
		return choice;
	}

	private static UUID parse(String id) {
		try {
			return id == null ? null : UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void record(String by, String action, Vote vote, UUID ballotId, String detail) {
		this.audit.record(new AuditRecord(by, action, "vote " + vote.id() + " ballot " + ballotId,
				AuditRecord.Result.SUCCESS, null, detail));
	}

	private static Ballot ballot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Ballot(rs.getObject("id", UUID.class), rs.getObject("vote_id", UUID.class),
				rs.getObject("voter_id", UUID.class), Choice.valueOf(rs.getString("choice")),
				Ballot.Channel.valueOf(rs.getString("channel")), Ballot.Status.valueOf(rs.getString("status")),
				rs.getString("cast_by"), rs.getString("proxy_name"), rs.getObject("attachment_id", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("confirmed_by"),
				rs.getString("rooms_label"));
	}

}
