package org.linli.billing.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments: offline ones recorded by staff (cash, bank transfer, POS) and online ones through a
 * {@link PaymentProvider}. A payment is settled exactly once: the PENDING -> SUCCEEDED update is the guard, so a
 * repeated or concurrent notification finds nothing left to do. Settling allocates the money to open bills (chosen
 * ones first, then oldest), puts any remainder on the room's prepaid balance and numbers the receipt.
 */
@Service
public class Payments {

	public static final Set<String> OFFLINE_CHANNELS = Set.of("CASH", "TRANSFER", "POS");

	public record Payment(UUID id, UUID communityId, UUID roomId, UUID householdId, String channel, String provider,
			String orderNo, long amountFen, long refundedFen, String status, String receiptNo, String createdBy,
			OffsetDateTime createdAt, OffsetDateTime paidAt) {
	}

	/** An online order waiting for the provider. */
	public record Order(UUID paymentId, String orderNo, long amountFen, String checkoutUrl) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Receipts receipts;

	private final BillableRooms rooms;

	private final Map<String, PaymentProvider> providers;

	private final Clock clock;

	Payments(JdbcClient jdbc, Ledger ledger, Receipts receipts, BillableRooms rooms, List<PaymentProvider> providers,
			Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.receipts = receipts;
		this.rooms = rooms;
		this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
		this.clock = clock;
	}

	/**
	 * Staff record money received at the desk. An idempotency key (the client's, e.g. a POS slip number) makes a
	 * retried request answer the payment already recorded.
	 */
	@Transactional
	public Payment recordOffline(UUID communityId, UUID roomId, Long amountFen, String channel, List<UUID> billIds,
			String idempotencyKey, String by) {
		Violations v = new Violations();
		v.require(amountFen != null && amountFen > 0, "amountFen", "billing.amount.invalid");
		v.require(channel != null && OFFLINE_CHANNELS.contains(channel), "channel", "billing.channel.invalid");
		v.require(idempotencyKey == null || idempotencyKey.length() <= 60, "idempotencyKey", "billing.key.invalid");
		v.throwIfAny();
		var room = this.rooms.room(communityId, roomId).orElseThrow(() -> DomainException.notFound("billing.room.notFound"));
		String orderNo = "OFF-" + (idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
				: idempotencyKey.strip());
		UUID id = UUID.randomUUID();
		if (!insert(id, communityId, roomId, room.householdId(), channel, null, orderNo, billIds, amountFen, by)) {
			Payment existing = byOrder(communityId, orderNo).orElseThrow();
			if (!existing.roomId().equals(roomId) || existing.amountFen() != amountFen) {
				throw DomainException.conflict("billing.key.reused");
			}
			return existing;
		}
		settle(communityId, orderNo, null);
		return find(communityId, id).orElseThrow();
	}

	/** Starts an online payment of a household's open bills (all of them when none are chosen). */
	@Transactional
	public Order startOnline(UUID communityId, UUID roomId, UUID householdId, List<UUID> billIds, String providerName,
			String by) {
		PaymentProvider provider = provider(providerName);
		List<Ledger.OpenBill> open = this.jdbc.sql("""
				select id, amount_fen - paid_fen - credited_fen from billing.bill b
				 where %s
				   and household_id = :h and paid_fen + credited_fen < amount_fen
				""".formatted(RoomBills.OF_ROOM)).param("c", communityId).param("r", roomId).param("h", householdId)
			.query((rs, n) -> new Ledger.OpenBill(rs.getObject(1, UUID.class), rs.getLong(2))).list();
		List<UUID> chosen = billIds == null || billIds.isEmpty() ? open.stream().map(Ledger.OpenBill::id).toList()
				: billIds;
		Set<UUID> openIds = open.stream().map(Ledger.OpenBill::id).collect(Collectors.toSet());
		if (chosen.isEmpty() || !openIds.containsAll(chosen)) {
			throw DomainException.invalid("billIds", "billing.pay.nothing");
		}
		long amount = open.stream().filter(b -> chosen.contains(b.id())).mapToLong(Ledger.OpenBill::outstanding).sum();
		String orderNo = "ON" + LocalDate.now(this.clock).toString().replace("-", "")
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
		UUID id = UUID.randomUUID();
		insert(id, communityId, roomId, householdId, "ONLINE", provider.name(), orderNo, chosen, amount, by);
		return new Order(id, orderNo, amount, provider.checkoutUrl(orderNo));
	}

	/**
	 * A provider's notification: verified, then applied at most once. Answers the payment as it stands afterwards.
	 */
	@Transactional
	public Payment onNotification(String providerName, String body, String signature) {
		PaymentProvider provider = provider(providerName);
		if (!provider.verify(body, signature)) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "signature", "billing.notify.signature");
		}
		PaymentProvider.Notification n = provider.parse(body);
		Payment payment = byOrder(n.communityId(), n.orderNo())
			.orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
		if (payment.amountFen() != n.amountFen() || !provider.name().equals(payment.provider())) {
			throw DomainException.invalid("amountFen", "billing.notify.mismatch");
		}
		if (n.success()) {
			settle(n.communityId(), n.orderNo(), n.providerRef());
		}
		else {
			this.jdbc.sql("update billing.payment set status = 'FAILED', provider_ref = :ref where community_id = :c "
					+ "and order_no = :o and status = 'PENDING'").param("ref", n.providerRef())
				.param("c", n.communityId()).param("o", n.orderNo()).update();
		}
		return byOrder(n.communityId(), n.orderNo()).orElseThrow();
	}

	/** PENDING -> SUCCEEDED exactly once, then allocation, balance and receipt number in the same transaction. */
	private void settle(UUID communityId, String orderNo, String providerRef) {
		Timestamp now = Timestamp.from(this.clock.instant());
		var row = this.jdbc.sql("""
				update billing.payment set status = 'SUCCEEDED', paid_at = :now, provider_ref = :ref
				 where community_id = :c and order_no = :o and status = 'PENDING'
				returning id, room_id, household_id, amount_fen, bill_ids
				""").param("now", now).param("ref", providerRef).param("c", communityId).param("o", orderNo)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getLong(4), List.of((UUID[]) rs.getArray(5).getArray()) })
			.optional();
		if (row.isEmpty()) {
			return; // already settled (or failed): a repeated notification changes nothing
		}
		Object[] p = row.get();
		UUID paymentId = (UUID) p[0];
		UUID roomId = (UUID) p[1];
		@SuppressWarnings("unchecked")
		List<UUID> preferred = (List<UUID>) p[4];
		this.ledger.lockAccount(communityId, roomId);
		long left = this.ledger.allocate(communityId, paymentId,
				this.ledger.openBills(communityId, roomId, (UUID) p[2], preferred), (Long) p[3]);
		this.ledger.moveBalance(communityId, roomId, left, "PAYMENT", paymentId);
		this.ledger.completePlans(communityId, roomId);
		int year = LocalDate.now(this.clock).getYear();
		int number = this.receipts.next(communityId, year);
		this.jdbc.sql("update billing.payment set receipt_year = :y, receipt_no = :n where community_id = :c and id = :id")
			.param("y", year).param("n", number).param("c", communityId).param("id", paymentId).update();
	}

	/** One payment of a bulk import of payment history (migration from another system, demo data). */
	public record Imported(UUID roomId, long amountFen, String channel, String key) {
	}

	/**
	 * Imports offline payments in bulk, set-based (one payment per room): allocation to each room's open bills
	 * oldest first, remainders to the prepaid balance, receipt numbers taken from the counter in one step so they stay
	 * gapless. Payments whose key was imported before are skipped. Answers the number imported.
	 */
	@Transactional
	public int importOffline(UUID communityId, List<Imported> imported, String by) {
		Violations v = new Violations();
		v.require(imported.stream().map(Imported::roomId).distinct().count() == imported.size(), "roomId",
				"billing.import.oneRoomOnce");
		v.require(imported.stream().allMatch(p -> p.amountFen() > 0), "amountFen", "billing.amount.invalid");
		v.require(imported.stream().allMatch(p -> OFFLINE_CHANNELS.contains(p.channel())), "channel",
				"billing.channel.invalid");
		v.require(imported.stream().allMatch(p -> p.key() != null && !p.key().isBlank() && p.key().length() <= 60),
				"key", "billing.key.invalid");
		v.throwIfAny();
		Set<String> known = new java.util.HashSet<>(this.jdbc.sql("select order_no from billing.payment "
				+ "where community_id = :c and order_no = any(cast(:o as varchar[]))").param("c", communityId)
			.param("o", textArray(imported.stream().map(p -> "OFF-" + p.key()).toList())).query(String.class).list());
		List<Imported> fresh = imported.stream().filter(p -> !known.contains("OFF-" + p.key())).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		String rooms = Ledger.uuidArray(fresh.stream().map(Imported::roomId).toList());
		List<UUID> paymentIds = fresh.stream().map(p -> UUID.randomUUID()).toList();
		String ids = Ledger.uuidArray(paymentIds);
		String amounts = longArray(fresh.stream().map(Imported::amountFen).toList());
		this.jdbc.sql("insert into billing.account (community_id, room_id) select :c, r from unnest(cast(:rooms as "
				+ "uuid[])) r on conflict do nothing").param("c", communityId).param("rooms", rooms).update();
		this.jdbc.sql("select 1 from billing.account where community_id = :c and room_id = any(cast(:rooms as uuid[])) "
				+ "order by room_id for update").param("c", communityId).param("rooms", rooms).query().listOfRows();
		int year = LocalDate.now(this.clock).getYear();
		int last = this.jdbc.sql("""
				insert into billing.receipt_counter (community_id, year, last_no) values (:c, :y, :n)
				on conflict (community_id, year) do update set last_no = billing.receipt_counter.last_no + :n
				returning last_no
				""").param("c", communityId).param("y", year).param("n", fresh.size()).query(Integer.class).single();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into billing.payment (id, community_id, room_id, household_id, channel, order_no, amount_fen,
				       status, receipt_year, receipt_no, created_by, created_at, paid_at)
				select p.id, :c, p.room_id, r.household_id, p.channel, 'OFF-' || p.key, p.amount, 'SUCCEEDED', :y,
				       :base + p.n, :by, :now, :now
				  from unnest(cast(:ids as uuid[]), cast(:rooms as uuid[]), cast(:amounts as bigint[]),
				              cast(:channels as varchar[]), cast(:keys as varchar[])) with ordinality
				       as p(id, room_id, amount, channel, key, n)
				  left join billing.billable_room r on r.community_id = :c and r.room_id = p.room_id
				""").param("c", communityId).param("y", year).param("base", last - fresh.size()).param("by", by)
			.param("now", now).param("ids", ids).param("rooms", rooms).param("amounts", amounts)
			.param("channels", textArray(fresh.stream().map(Imported::channel).toList()))
			.param("keys", textArray(fresh.stream().map(Imported::key).toList())).update();
		this.jdbc.sql("""
				with pay as (select * from unnest(cast(:ids as uuid[]), cast(:rooms as uuid[]), cast(:amounts as bigint[]))
				                    as p(payment_id, room_id, amount)),
				open as (select b.id, b.room_id, b.amount_fen - b.paid_fen - b.credited_fen as outstanding,
				                sum(b.amount_fen - b.paid_fen - b.credited_fen) over (partition by b.room_id
				                    order by b.due_date, b.created_at, b.id) as cum
				           from billing.bill b join pay p on p.room_id = b.room_id
				          where b.community_id = :c and b.paid_fen + b.credited_fen < b.amount_fen),
				alloc as (select o.id as bill_id, p.payment_id, least(o.outstanding, p.amount - (o.cum - o.outstanding)) as take
				            from open o join pay p on p.room_id = o.room_id where o.cum - o.outstanding < p.amount),
				ins as (insert into billing.allocation (id, community_id, payment_id, bill_id, amount_fen)
				        select gen_random_uuid(), :c, payment_id, bill_id, take from alloc returning bill_id, amount_fen)
				update billing.bill b set paid_fen = b.paid_fen + i.amount_fen from ins i
				 where b.community_id = :c and b.id = i.bill_id
				""").param("c", communityId).param("ids", ids).param("rooms", rooms).param("amounts", amounts).update();
		this.jdbc.sql("""
				with rest as (select p.payment_id, p.room_id, p.amount - coalesce((select sum(a.amount_fen)
				                     from billing.allocation a where a.community_id = :c and a.payment_id = p.payment_id), 0) as fen
				                from unnest(cast(:ids as uuid[]), cast(:rooms as uuid[]), cast(:amounts as bigint[]))
				                     as p(payment_id, room_id, amount)),
				entries as (insert into billing.balance_entry (id, community_id, room_id, amount_fen, reason, reference_id,
				                   created_at)
				            select gen_random_uuid(), :c, room_id, fen, 'PAYMENT', payment_id, :now from rest where fen > 0
				            returning room_id, amount_fen)
				update billing.account a set balance_fen = a.balance_fen + e.amount_fen from entries e
				 where a.community_id = :c and a.room_id = e.room_id
				""").param("c", communityId).param("ids", ids).param("rooms", rooms).param("amounts", amounts)
			.param("now", now).update();
		return fresh.size();
	}

	private static String textArray(List<String> values) {
		return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String longArray(List<Long> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** Uses the room's prepaid balance for its open bills, oldest first. Answers the amount used. */
	@Transactional
	public long applyBalance(UUID communityId, UUID roomId) {
		long balance = this.ledger.lockAccount(communityId, roomId);
		if (balance == 0) {
			return 0;
		}
		var room = this.rooms.room(communityId, roomId).orElseThrow(() -> DomainException.notFound("billing.room.notFound"));
		String orderNo = "BAL-" + UUID.randomUUID();
		UUID id = UUID.randomUUID();
		List<Ledger.OpenBill> open = this.ledger.openBills(communityId, roomId, room.householdId(), List.of());
		long due = open.stream().mapToLong(Ledger.OpenBill::outstanding).sum();
		long use = Math.min(balance, due);
		if (use == 0) {
			return 0;
		}
		// the balance is settled as an internal transfer so the bills carry an allocation like any payment
		insert(id, communityId, roomId, room.householdId(), "TRANSFER", "balance", orderNo, List.of(), use, "system");
		this.ledger.moveBalance(communityId, roomId, -use, "APPLIED", id);
		this.jdbc.sql("update billing.payment set status = 'SUCCEEDED', paid_at = :now where community_id = :c and id = :id")
			.param("now", Timestamp.from(this.clock.instant())).param("c", communityId).param("id", id).update();
		this.ledger.allocate(communityId, id, open, use);
		this.ledger.completePlans(communityId, roomId);
		return use;
	}

	private boolean insert(UUID id, UUID communityId, UUID roomId, UUID householdId, String channel, String provider,
			String orderNo, List<UUID> billIds, long amountFen, String by) {
		return this.jdbc.sql("""
				insert into billing.payment (id, community_id, room_id, household_id, channel, provider, order_no,
				       bill_ids, amount_fen, status, created_by, created_at)
				values (:id, :c, :r, :h, :channel, :provider, :o, cast(:bills as uuid[]), :a, 'PENDING', :by, :now)
				on conflict (community_id, order_no) do nothing
				""").param("id", id).param("c", communityId).param("r", roomId).param("h", householdId)
			.param("channel", channel).param("provider", provider).param("o", orderNo)
			.param("bills", Ledger.uuidArray(billIds == null ? List.of() : billIds)).param("a", amountFen)
			.param("by", by).param("now", Timestamp.from(this.clock.instant())).update() == 1;
	}

	public PaymentProvider provider(String name) {
		PaymentProvider provider = this.providers.get(name);
		if (provider == null || !provider.enabled()) {
			throw DomainException.notFound("billing.provider.unavailable");
		}
		return provider;
	}

	public Optional<Payment> find(UUID communityId, UUID id) {
		return this.jdbc.sql("select * from billing.payment where community_id = :c and id = :id")
			.param("c", communityId).param("id", id).query(this::row).optional();
	}

	public Optional<Payment> byOrder(UUID communityId, String orderNo) {
		return this.jdbc.sql("select * from billing.payment where community_id = :c and order_no = :o")
			.param("c", communityId).param("o", orderNo).query(this::row).optional();
	}

	/** Payments of a room (of one household when given), newest first. */
	public List<Payment> ofRoom(UUID communityId, UUID roomId, UUID householdId) {
		return this.jdbc.sql("""
				select * from billing.payment where community_id = :c and room_id = :r
				   and (cast(:h as uuid) is null or household_id = :h) and provider is distinct from 'balance'
				 order by created_at desc limit 100
				""").param("c", communityId).param("r", roomId).param("h", householdId).query(this::row).list();
	}

	public List<Payment> recent(UUID communityId, int limit) {
		return this.jdbc.sql("select * from billing.payment where community_id = :c and status = 'SUCCEEDED' "
				+ "and provider is distinct from 'balance' order by paid_at desc limit :l").param("c", communityId)
			.param("l", limit).query(this::row).list();
	}

	private Payment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Integer year = (Integer) rs.getObject("receipt_year");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getObject("household_id", UUID.class), rs.getString("channel"),
				rs.getString("provider"), rs.getString("order_no"), rs.getLong("amount_fen"), rs.getLong("refunded_fen"),
				rs.getString("status"), year == null ? null : Receipts.format(year, rs.getInt("receipt_no")),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("paid_at", OffsetDateTime.class));
	}

}
