package org.linli.billing.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance-fund accounts (专项维修资金) per room: contributions recorded here, spending later decided through
 * governance (owners' vote, Civil Code Art. 278 matter 5) and renovation, never below zero.
 */
@Service
public class MaintenanceFund {

	public record Entry(UUID id, String kind, long amountFen, String note, String createdBy, OffsetDateTime createdAt) {
	}

	public record Summary(long rooms, long balanceFen) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	MaintenanceFund(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID record(UUID communityId, UUID roomId, String kind, Long amountFen, String note, String by) {
		Violations v = new Violations();
		v.require("CONTRIBUTION".equals(kind) || "SPENDING".equals(kind), "kind", "billing.fund.kind");
		v.require(amountFen != null && amountFen > 0, "amountFen", "billing.amount.invalid");
		v.require(note == null || note.length() <= 200, "note", "billing.reason.required");
		v.throwIfAny();
		// serialise entries of one room so that a balance check and the spending cannot interleave
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", communityId + "/" + roomId)
			.query().listOfRows();
		if ("SPENDING".equals(kind) && balance(communityId, roomId) < amountFen) {
			throw DomainException.conflict("billing.fund.insufficient");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.fund_entry (id, community_id, room_id, kind, amount_fen, note, created_by, created_at)
				values (:id, :c, :r, :k, :a, :note, :by, :now)
				""").param("id", id).param("c", communityId).param("r", roomId).param("k", kind).param("a", amountFen)
			.param("note", note).param("by", by).param("now", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	public long balance(UUID communityId, UUID roomId) {
		return this.jdbc.sql("""
				select coalesce(sum(case kind when 'CONTRIBUTION' then amount_fen else -amount_fen end), 0)
				  from billing.fund_entry where community_id = :c and room_id = :r
				""").param("c", communityId).param("r", roomId).query(Long.class).single();
	}

	public Summary summary(UUID communityId) {
		return this.jdbc.sql("""
				select count(distinct room_id), coalesce(sum(case kind when 'CONTRIBUTION' then amount_fen
				       else -amount_fen end), 0) from billing.fund_entry where community_id = :c
				""").param("c", communityId).query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2))).single();
	}

	public List<Entry> entries(UUID communityId, UUID roomId) {
		return this.jdbc.sql("select * from billing.fund_entry where community_id = :c and room_id = :r "
				+ "order by created_at desc").param("c", communityId).param("r", roomId)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getLong("amount_fen"),
					rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

}
