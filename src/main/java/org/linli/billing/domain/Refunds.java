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
 * Refunds (退款) with four-eyes approval: one account asks, a property manager with a different account approves.
 * An approved refund takes the money back from the room's prepaid balance first, then from the bills the payment
 * covered (newest first), which become open again.
 */
@Service
public class Refunds {

	public record Refund(UUID id, UUID paymentId, UUID roomId, long amountFen, String reason, String status,
			String requestedBy, OffsetDateTime requestedAt, String decidedBy) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Clock clock;

	Refunds(JdbcClient jdbc, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public UUID request(UUID communityId, UUID paymentId, Long amountFen, String reason, String by) {
		var payment = this.jdbc.sql("""
				select amount_fen - refunded_fen - coalesce((select sum(amount_fen) from billing.refund f
				        where f.community_id = p.community_id and f.payment_id = p.id and f.status = 'REQUESTED'), 0)
				  from billing.payment p where community_id = :c and id = :p and status = 'SUCCEEDED'
				   and provider is distinct from 'balance'
				   for update
				""").param("c", communityId).param("p", paymentId).query(Long.class).optional()
			.orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
		Violations v = new Violations();
		v.require(amountFen != null && amountFen > 0 && amountFen <= payment, "amountFen", "billing.refund.amount",
				payment);
		v.require(reason != null && !reason.isBlank() && reason.length() <= 200, "reason", "billing.reason.required");
		v.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.refund (id, community_id, payment_id, amount_fen, reason, status, requested_by,
				       requested_at)
				values (:id, :c, :p, :a, :reason, 'REQUESTED', :by, :now)
				""").param("id", id).param("c", communityId).param("p", paymentId).param("a", amountFen)
			.param("reason", reason.strip()).param("by", by).param("now", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	@Transactional
	public void approve(UUID communityId, UUID refundId, String by) {
		Refund refund = decide(communityId, refundId, by, "APPROVED");
		this.jdbc.sql("select 1 from billing.payment where community_id = :c and id = :p for update")
			.param("c", communityId).param("p", refund.paymentId()).query().listOfRows();
		long balance = this.ledger.lockAccount(communityId, refund.roomId());
		long fromBalance = Math.min(balance, refund.amountFen());
		this.ledger.moveBalance(communityId, refund.roomId(), -fromBalance, "REFUND", refund.id());
		long rest = refund.amountFen() - fromBalance;
		var covered = this.jdbc.sql("""
				select a.bill_id, least(sum(a.amount_fen), b.paid_fen) from billing.allocation a
				  join billing.bill b on b.community_id = a.community_id and b.id = a.bill_id
				 where a.community_id = :c and a.payment_id = :p
				 group by a.bill_id, b.due_date, b.paid_fen having least(sum(a.amount_fen), b.paid_fen) > 0
				 order by b.due_date desc
				""").param("c", communityId).param("p", refund.paymentId())
			.query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		for (var bill : covered) {
			if (rest == 0) {
				break;
			}
			long back = Math.min(rest, bill.getValue());
			this.jdbc.sql("update billing.bill set paid_fen = paid_fen - :a where community_id = :c and id = :b")
				.param("a", back).param("c", communityId).param("b", bill.getKey()).update();
			this.jdbc.sql("insert into billing.allocation (id, community_id, payment_id, bill_id, amount_fen) "
					+ "values (:id, :c, :p, :b, :a)").param("id", UUID.randomUUID()).param("c", communityId)
				.param("p", refund.paymentId()).param("b", bill.getKey()).param("a", -back).update();
			rest -= back;
		}
		if (rest > 0) {
			throw DomainException.conflict("billing.refund.uncovered");
		}
		this.jdbc.sql("update billing.payment set refunded_fen = refunded_fen + :a where community_id = :c and id = :p")
			.param("a", refund.amountFen()).param("c", communityId).param("p", refund.paymentId()).update();
	}

	@Transactional
	public void reject(UUID communityId, UUID refundId, String by) {
		decide(communityId, refundId, by, "REJECTED");
	}

	private Refund decide(UUID communityId, UUID refundId, String by, String status) {
		Refund refund = find(communityId, refundId).orElseThrow(() -> DomainException.notFound("billing.refund.notFound"));
		if (refund.requestedBy().equals(by)) {
			throw DomainException.conflict("billing.refund.sameAccount");
		}
		int updated = this.jdbc.sql("""
				update billing.refund set status = :s, decided_by = :by, decided_at = :now, version = version + 1
				 where community_id = :c and id = :id and status = 'REQUESTED'
				""").param("s", status).param("by", by).param("now", Timestamp.from(this.clock.instant()))
			.param("c", communityId).param("id", refundId).update();
		if (updated == 0) {
			throw DomainException.conflict("billing.refund.decided");
		}
		return refund;
	}

	public java.util.Optional<Refund> find(UUID communityId, UUID refundId) {
		return this.jdbc.sql(SELECT + " where f.community_id = :c and f.id = :id").param("c", communityId)
			.param("id", refundId).query(this::row).optional();
	}

	public List<Refund> list(UUID communityId, int limit) {
		return this.jdbc.sql(SELECT + " where f.community_id = :c order by f.status = 'REQUESTED' desc, "
				+ "f.requested_at desc limit :l").param("c", communityId).param("l", limit).query(this::row).list();
	}

	private static final String SELECT = """
			select f.*, p.room_id from billing.refund f
			  join billing.payment p on p.community_id = f.community_id and p.id = f.payment_id""";

	private Refund row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getLong("amount_fen"), rs.getString("reason"),
				rs.getString("status"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"));
	}

}
