package org.linli.billing.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The low-level money movements shared by payments, refunds and credit notes: the room's prepaid balance (locked
 * per room, so concurrent payments of one room queue up) and the allocation of money to open bills, oldest first.
 */
@Component
class Ledger {

	record OpenBill(UUID id, long outstanding) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Locks the room's account row (creating it) and answers the balance; call inside a transaction. */
	long lockAccount(UUID communityId, UUID roomId) {
		this.jdbc.sql("insert into billing.account (community_id, room_id) values (:c, :r) on conflict do nothing")
			.param("c", communityId).param("r", roomId).update();
		return this.jdbc.sql("select balance_fen from billing.account where community_id = :c and room_id = :r "
				+ "for update").param("c", communityId).param("r", roomId).query(Long.class).single();
	}

	void moveBalance(UUID communityId, UUID roomId, long amountFen, String reason, UUID reference) {
		if (amountFen == 0) {
			return;
		}
		this.jdbc.sql("update billing.account set balance_fen = balance_fen + :a where community_id = :c and room_id = :r")
			.param("a", amountFen).param("c", communityId).param("r", roomId).update();
		this.jdbc.sql("""
				insert into billing.balance_entry (id, community_id, room_id, amount_fen, reason, reference_id, created_at)
				values (:id, :c, :r, :a, :reason, :ref, :now)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("r", roomId).param("a", amountFen)
			.param("reason", reason).param("ref", reference).param("now", Timestamp.from(this.clock.instant())).update();
	}

	/**
	 * Open bills of a room (of one household when given): the preferred ones first, then by due date. Locked, so
	 * that two payments never cover the same fen twice.
	 */
	List<OpenBill> openBills(UUID communityId, UUID roomId, UUID householdId, List<UUID> preferred) {
		return this.jdbc.sql("""
				select id, amount_fen - paid_fen - credited_fen as outstanding from billing.bill b
				 where %s
				   and (cast(:h as uuid) is null or household_id = :h) and paid_fen + credited_fen < amount_fen
				 order by case when id = any(cast(:preferred as uuid[])) then 0 else 1 end, due_date, created_at, id
				 for update
				""".formatted(RoomBills.OF_ROOM)).param("c", communityId).param("r", roomId).param("h", householdId)
			.param("preferred", uuidArray(preferred))
			.query((rs, n) -> new OpenBill(rs.getObject(1, UUID.class), rs.getLong(2))).list();
	}

	/** A PostgreSQL array literal of ids, bound as text and cast in SQL. */
	static String uuidArray(List<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	/** Allocates up to {@code amountFen} of a payment to open bills (two statements); answers what is left over. */
	long allocate(UUID communityId, UUID paymentId, List<OpenBill> bills, long amountFen) {
		long left = amountFen;
		List<UUID> ids = new java.util.ArrayList<>();
		List<Long> amounts = new java.util.ArrayList<>();
		for (OpenBill bill : bills) {
			if (left == 0) {
				break;
			}
			long take = Math.min(left, bill.outstanding());
			ids.add(bill.id());
			amounts.add(take);
			left -= take;
		}
		if (ids.isEmpty()) {
			return left;
		}
		String idArray = uuidArray(ids);
		String amountArray = amounts.stream().map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		this.jdbc.sql("""
				update billing.bill b set paid_fen = b.paid_fen + x.amount
				  from unnest(cast(:ids as uuid[]), cast(:amounts as bigint[])) as x(id, amount)
				 where b.community_id = :c and b.id = x.id
				""").param("ids", idArray).param("amounts", amountArray).param("c", communityId).update();
		this.jdbc.sql("""
				insert into billing.allocation (id, community_id, payment_id, bill_id, amount_fen)
				select gen_random_uuid(), :c, :p, x.id, x.amount
				  from unnest(cast(:ids as uuid[]), cast(:amounts as bigint[])) as x(id, amount)
				""").param("ids", idArray).param("amounts", amountArray).param("c", communityId).param("p", paymentId)
			.update();
		return left;
	}

	/** A room's active payment plan is completed once the bills it covers are settled (paid or credited). */
	void completePlans(UUID communityId, UUID roomId) {
		this.jdbc.sql("""
				update billing.payment_plan p set status = 'COMPLETED', ended_at = :now, version = p.version + 1
				 where p.community_id = :c and p.room_id = :r and p.status = 'ACTIVE'
				   and not exists (select 1 from billing.payment_plan_bill pb
				       join billing.bill b on b.community_id = pb.community_id and b.id = pb.bill_id
				      where pb.community_id = :c and pb.plan_id = p.id and b.paid_fen + b.credited_fen < b.amount_fen)
				""").param("c", communityId).param("r", roomId).param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
