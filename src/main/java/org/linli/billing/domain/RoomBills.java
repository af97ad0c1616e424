package org.linli.billing.domain;

/**
 * How a room's bills are found. The bill table has no index by room for run bills (a run would touch all of it,
 * V103): the key by compound and period is probed once per period the compound was billed in, and the room's
 * one-off bills come from their own small index.
 */
final class RoomBills {

	/** The condition on {@code b} (a {@code billing.bill}) for the bills of room {@code :r} of compound {@code :c}. */
	static final String OF_ROOM = """
			b.community_id = :c and b.room_id = :r
			   and (b.period = any(array(select t.period from billing.period_total t where t.community_id = :c))
			        or b.kind = 'ONE_OFF')""";

	private RoomBills() {
	}

}
