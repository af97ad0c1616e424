package org.linli.billing.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Receipt numbers (收据编号), gapless per community and year: the counter row is incremented in the paying
 * transaction, so a rolled-back payment gives its number back and concurrent payments queue on the row.
 */
@Service
public class Receipts {

	public record Receipt(String number, UUID paymentId, UUID roomId, String channel, long amountFen, long refundedFen,
			OffsetDateTime paidAt, String createdBy, List<Line> lines, long toBalanceFen) {
	}

	public record Line(String period, String item, long amountFen) {
	}

	private final JdbcClient jdbc;

	Receipts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int next(UUID communityId, int year) {
		return this.jdbc.sql("""
				insert into billing.receipt_counter (community_id, year, last_no) values (:c, :y, 1)
				on conflict (community_id, year) do update set last_no = billing.receipt_counter.last_no + 1
				returning last_no
				""").param("c", communityId).param("y", year).query(Integer.class).single();
	}

	public static String format(int year, int number) {
		return "%d-%06d".formatted(year, number);
	}

	/** The printable receipt of a settled payment. */
	public java.util.Optional<Receipt> of(UUID communityId, UUID paymentId) {
		List<Line> lines = this.jdbc.sql("""
				select b.period, coalesce(b.description, i.name), sum(a.amount_fen)
				  from billing.allocation a
				  join billing.bill b on b.community_id = a.community_id and b.id = a.bill_id
				  join billing.fee_item i on i.id = b.fee_item_id
				 where a.community_id = :c and a.payment_id = :p
				 group by b.period, coalesce(b.description, i.name), b.due_date order by b.due_date
				""").param("c", communityId).param("p", paymentId)
			.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
		long toBalance = this.jdbc.sql("select coalesce(sum(amount_fen), 0) from billing.balance_entry "
				+ "where community_id = :c and reference_id = :p and reason = 'PAYMENT'").param("c", communityId)
			.param("p", paymentId).query(Long.class).single();
		return this.jdbc.sql("""
				select receipt_year, receipt_no, room_id, channel, amount_fen, refunded_fen, paid_at, created_by
				  from billing.payment where community_id = :c and id = :p and status = 'SUCCEEDED'
				   and receipt_no is not null
				""").param("c", communityId).param("p", paymentId)
			.query((rs, n) -> new Receipt(format(rs.getInt(1), rs.getInt(2)), paymentId, rs.getObject(3, UUID.class),
					rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class),
					rs.getString(8), lines, toBalance))
			.optional();
	}

}
