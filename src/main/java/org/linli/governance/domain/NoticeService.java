package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
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
 * Proof that owners were told (courts revoke decisions on defects of notice): the in-app notice is recorded when the
 * vote opens; printed notices handed out and notices posted in the compound are recorded here by staff.
 */
@Service
public class NoticeService {

	public enum Kind {
		IN_APP, PRINTED, POSTED
	}

	public record Notice(Kind kind, int recipients, String place, String recordedBy, OffsetDateTime recordedAt) {
	}

	private final JdbcClient jdbc;

	private final AuditApi audit;

	private final Clock clock;

	NoticeService(JdbcClient jdbc, AuditApi audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public void record(Vote vote, String kind, Integer recipients, String place, String by) {
		Kind parsed = Enums.parse(Kind.class, kind);
		Violations violations = new Violations();
		violations.require(parsed == Kind.PRINTED || parsed == Kind.POSTED, "kind", "governance.notice.kind.invalid");
		violations.require(recipients != null && recipients >= 0 && recipients <= 1_000_000, "recipients",
				"governance.notice.recipients.invalid");
		violations.require(place != null && !place.isBlank() && place.length() <= 200, "place",
				"governance.notice.place.invalid");
		violations.throwIfAny();
		if (vote.status() == Vote.Status.DRAFT) {
			throw DomainException.conflict("governance.vote.notOpen");
		}
		this.jdbc.sql("""
				insert into governance.vote_notice (id, community_id, vote_id, kind, recipients, place, recorded_by,
				    recorded_at)
				values (:id, :c, :v, :kind, :n, :place, :by, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("kind", parsed.name())
			.param("n", recipients)
			.param("place", place.strip())
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		this.audit.record(new AuditRecord(by, "RECORD notice", "vote " + vote.id(), AuditRecord.Result.SUCCESS, null,
				parsed + " " + place.strip()));
	}

	@Transactional(readOnly = true)
	public List<Notice> of(Vote vote) {
		return this.jdbc.sql("select kind, recipients, place, recorded_by, recorded_at from governance.vote_notice "
				+ "where community_id = :c and vote_id = :v order by recorded_at")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.query((rs, n) -> new Notice(Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

}
