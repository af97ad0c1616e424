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
 * Credit notes (红冲/减免凭证): the only way to correct a bill. The bill's amount never changes (a trigger refuses
 * it); the credit lowers what is owed, and on a bill already paid the overpaid part goes to the prepaid balance.
 */
@Service
public class CreditNotes {

	public record CreditNote(UUID id, UUID billId, long amountFen, String reason, String createdBy,
			OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Clock clock;

	CreditNotes(JdbcClient jdbc, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public UUID issue(UUID communityId, UUID billId, Long amountFen, String reason, String by) {
		var bill = this.jdbc.sql("select room_id, amount_fen, paid_fen, credited_fen from billing.bill "
				+ "where community_id = :c and id = :b").param("c", communityId).param("b", billId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.optional()
			.orElseThrow(() -> DomainException.notFound("billing.bill.notFound"));
		UUID roomId = (UUID) bill[0];
		// lock order: the room's account first, then the bill (as payments do)
		this.ledger.lockAccount(communityId, roomId);
		var locked = this.jdbc.sql("select amount_fen, paid_fen, credited_fen from billing.bill where community_id = :c "
				+ "and id = :b for update").param("c", communityId).param("b", billId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long creditable = locked[0] - locked[2];
		Violations v = new Violations();
		v.require(amountFen != null && amountFen > 0 && amountFen <= creditable, "amountFen", "billing.credit.amount",
				creditable);
		v.require(reason != null && !reason.isBlank() && reason.length() <= 200, "reason", "billing.reason.required");
		v.throwIfAny();
		long overpaid = Math.max(0, locked[1] + locked[2] + amountFen - locked[0]);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("update billing.bill set credited_fen = credited_fen + :a, paid_fen = paid_fen - :o "
				+ "where community_id = :c and id = :b").param("a", amountFen).param("o", overpaid)
			.param("c", communityId).param("b", billId).update();
		this.jdbc.sql("""
				insert into billing.credit_note (id, community_id, bill_id, amount_fen, reason, created_by, created_at)
				values (:id, :c, :b, :a, :reason, :by, :now)
				""").param("id", id).param("c", communityId).param("b", billId).param("a", amountFen)
			.param("reason", reason.strip()).param("by", by).param("now", Timestamp.from(this.clock.instant())).update();
		this.ledger.moveBalance(communityId, roomId, overpaid, "CREDIT_NOTE", id);
		this.ledger.completePlans(communityId, roomId);
		return id;
	}

	public List<CreditNote> ofBill(UUID communityId, UUID billId) {
		return this.jdbc.sql("select * from billing.credit_note where community_id = :c and bill_id = :b "
				+ "order by created_at").param("c", communityId).param("b", billId)
			.query((rs, n) -> new CreditNote(rs.getObject("id", UUID.class), billId, rs.getLong("amount_fen"),
					rs.getString("reason"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

}
