package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.governance.Matter;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals (议案): drafted by owners or the committee, reviewed by the committee, then put to the owners as a vote.
 * SUBMITTED -> APPROVED | REJECTED; APPROVED -> VOTING (a draft vote exists).
 */
@Service
public class ProposalService {

	public enum Status {
		SUBMITTED, APPROVED, REJECTED, VOTING
	}

	public record Proposal(UUID id, UUID communityId, String title, Matter matter, String body, String draftedBy,
			String drafterKind, Status status, String reviewNote, String reviewedBy, UUID voteId,
			OffsetDateTime createdAt, int version) {
	}

	private final JdbcClient jdbc;

	private final VoteService votes;

	private final AuditApi audit;

	private final Clock clock;

	ProposalService(JdbcClient jdbc, VoteService votes, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.votes = votes;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID submit(UUID communityId, String title, String matter, String body, boolean committee, String by) {
		Violations violations = new Violations();
		String cleanTitle = title == null ? "" : title.strip();
		violations.require(!cleanTitle.isEmpty() && cleanTitle.length() <= 120, "title",
				"governance.vote.title.invalid");
		Matter parsed = Enums.parse(Matter.class, matter);
		violations.require(parsed != null, "matter", "governance.vote.matter.invalid");
		violations.require(body != null && !body.isBlank() && body.length() <= 5000, "body",
				"governance.proposal.body.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into governance.proposal (id, community_id, title, matter, body, drafted_by, drafter_kind, status,
				    created_at)
				values (:id, :c, :title, :matter, :body, :by, :kind, 'SUBMITTED', :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("title", cleanTitle)
			.param("matter", parsed.name())
			.param("body", body.strip())
			.param("by", by)
			.param("kind", committee ? "COMMITTEE" : "OWNER")
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		record(by, "SUBMIT proposal", id);
		return id;
	}

	@Transactional(readOnly = true)
	public List<Proposal> list(UUID communityId) {
		return this.jdbc.sql("select * from governance.proposal where community_id = :c order by created_at desc limit 200")
			.param("c", communityId)
			.query(ProposalService::proposal)
			.list();
	}

	@Transactional(readOnly = true)
	public Proposal get(UUID id) {
		return this.jdbc.sql("select * from governance.proposal where id = :id")
			.param("id", id)
			.query(ProposalService::proposal)
			.optional()
			.orElseThrow(() -> DomainException.notFound("governance.proposal.notFound"));
	}

	@Transactional
	public void review(UUID id, boolean approve, String note, String by) {
		Proposal proposal = get(id);
		if (proposal.status() != Status.SUBMITTED) {
			throw DomainException.conflict("governance.proposal.notSubmitted");
		}
		if (!approve && (note == null || note.isBlank())) {
			throw DomainException.invalid("note", "governance.proposal.note.required");
		}
		if (note != null && note.length() > 500) {
			throw DomainException.invalid("note", "governance.proposal.note.invalid");
		}
		int changed = this.jdbc.sql("""
				update governance.proposal set status = :status, review_note = :note, reviewed_by = :by,
				       reviewed_at = :now, version = version + 1
				 where id = :id and version = :version
				""")
			.param("status", approve ? "APPROVED" : "REJECTED")
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.param("id", id)
			.param("version", proposal.version())
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
		record(by, approve ? "APPROVE proposal" : "REJECT proposal", id);
	}

	/** Puts an approved proposal to the owners: a draft vote on its matter, opened later by the committee. */
	@Transactional
	public UUID putToVote(UUID id, OffsetDateTime closesAt, String by) {
		Proposal proposal = get(id);
		if (proposal.status() != Status.APPROVED) {
			throw DomainException.conflict("governance.proposal.notApproved");
		}
		UUID vote = this.votes.create(proposal.communityId(), proposal.title(), proposal.matter().name(),
				proposal.body(), closesAt, id, by);
		this.jdbc.sql("update governance.proposal set status = 'VOTING', vote_id = :vote, version = version + 1 "
				+ "where id = :id")
			.param("vote", vote)
			.param("id", id)
			.update();
		return vote;
	}

	private void record(String by, String action, UUID id) {
		this.audit.record(new AuditRecord(by, action, "proposal " + id, AuditRecord.Result.SUCCESS, null, null));
	}

	private static Proposal proposal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Proposal(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("title"), Matter.valueOf(rs.getString("matter")), rs.getString("body"),
				rs.getString("drafted_by"), rs.getString("drafter_kind"), Status.valueOf(rs.getString("status")),
				rs.getString("review_note"), rs.getString("reviewed_by"), rs.getObject("vote_id", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

}
