package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assembly's procedural rules (议事规则) and the management covenant (管理规约), versioned: a new text is a new
 * version, never an edit, and may name the vote that adopted it.
 */
@Service
public class RuleDocuments {

	public enum Kind {
		RULES, COVENANT
	}

	public record RuleDocument(UUID id, Kind kind, int versionNo, String title, String body, UUID voteId,
			String createdBy, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	private final AuditApi audit;

	private final Clock clock;

	RuleDocuments(JdbcClient jdbc, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public int add(UUID communityId, String kind, String title, String body, UUID voteId, String by) {
		Kind parsed = Enums.parse(Kind.class, kind);
		Violations violations = new Violations();
		violations.require(parsed != null, "kind", "governance.rules.kind.invalid");
		violations.require(title != null && !title.isBlank() && title.length() <= 120, "title",
				"governance.vote.title.invalid");
		violations.require(body != null && !body.isBlank() && body.length() <= 100_000, "body",
				"governance.rules.body.invalid");
		violations.throwIfAny();
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "rules " + communityId + parsed)
			.query()
			.listOfRows();
		int next = this.jdbc.sql("select coalesce(max(version_no), 0) + 1 from governance.rule_document "
				+ "where community_id = :c and kind = :k")
			.param("c", communityId)
			.param("k", parsed.name())
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into governance.rule_document (id, community_id, kind, version_no, title, body, vote_id,
				    created_by, created_at)
				values (:id, :c, :k, :n, :title, :body, :vote, :by, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("c", communityId)
			.param("k", parsed.name())
			.param("n", next)
			.param("title", title.strip())
			.param("body", body.strip())
			.param("vote", voteId)
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		this.audit.record(new AuditRecord(by, "ADD rule document", parsed + " v" + next, AuditRecord.Result.SUCCESS,
				null, null));
		return next;
	}

	@Transactional(readOnly = true)
	public List<RuleDocument> list(UUID communityId) {
		return this.jdbc.sql("select id, kind, version_no, title, body, vote_id, created_by, created_at "
				+ "from governance.rule_document where community_id = :c order by kind, version_no desc")
			.param("c", communityId)
			.query((rs, n) -> new RuleDocument(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

}
