package org.linli.billing.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly parking subscriptions (月租车位): a vehicle rents a space at a PARKING fee item's price (or the room's
 * building or use rate of it) from a day until a day. Bill runs charge them: one parking bill per room, item and
 * period, the room's spaces each prorated by their own dates. Ending a subscription changes later runs only; bills
 * already made are corrected by credit notes.
 */
@Service
public class ParkingSubscriptions {

	public record Subscription(UUID id, UUID roomId, String room, UUID feeItemId, String item, long priceFen,
			String plate, String space, LocalDate since, LocalDate until, String createdBy, OffsetDateTime createdAt,
			String endedBy, int version) {

		public boolean current(LocalDate today) {
			return this.until == null || !this.until.isBefore(today);
		}

	}

	private final JdbcClient jdbc;

	private final FeeItems feeItems;

	private final BillableRooms rooms;

	private final Clock clock;

	ParkingSubscriptions(JdbcClient jdbc, FeeItems feeItems, BillableRooms rooms, Clock clock) {
		this.jdbc = jdbc;
		this.feeItems = feeItems;
		this.rooms = rooms;
		this.clock = clock;
	}

	/** Subscriptions of a compound: current ones (not ended, or ending today or later), or all when asked. */
	public List<Subscription> list(UUID communityId, boolean all, int limit) {
		return this.jdbc.sql("""
				select p.*, i.name as item, i.price_fen, r.building || ' ' || r.unit || '-' || r.number as room
				  from billing.parking_subscription p
				  join billing.fee_item i on i.id = p.fee_item_id
				  left join billing.billable_room r on r.community_id = p.community_id and r.room_id = p.room_id
				 where p.community_id = :c and (:all or p.until is null or p.until >= :today)
				 order by p.space, p.since desc limit :l
				""").param("c", communityId).param("all", all).param("today", Date.valueOf(today())).param("l", limit)
			.query(this::row).list();
	}

	public java.util.Optional<Subscription> find(UUID communityId, UUID id) {
		return this.jdbc.sql("""
				select p.*, i.name as item, i.price_fen, r.building || ' ' || r.unit || '-' || r.number as room
				  from billing.parking_subscription p
				  join billing.fee_item i on i.id = p.fee_item_id
				  left join billing.billable_room r on r.community_id = p.community_id and r.room_id = p.room_id
				 where p.community_id = :c and p.id = :id
				""").param("c", communityId).param("id", id).query(this::row).optional();
	}

	/**
	 * A vehicle subscribes to a space from a day. A space, or a vehicle, has one subscription at a time: a new one
	 * may start only after the previous one's last day.
	 */
	@Transactional
	public UUID create(UUID communityId, UUID roomId, UUID feeItemId, String plate, String space, LocalDate since,
			String by) {
		String plateText = plate == null ? "" : plate.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		String spaceText = space == null ? "" : space.strip();
		Violations v = new Violations();
		v.require(roomId != null, "room", "billing.parking.room.invalid");
		v.require(feeItemId != null, "feeItemId", "billing.subscription.kind");
		v.require(plateText.length() >= 5 && plateText.length() <= 10, "plate", "billing.parking.plate.invalid");
		v.require(!spaceText.isEmpty() && spaceText.length() <= 20, "space", "billing.parking.space.invalid");
		v.require(since != null, "since", "billing.fee.from.invalid");
		v.throwIfAny();
		FeeItems.Item item = this.feeItems.item(communityId, feeItemId);
		if (!"PARKING".equals(item.kind())) {
			throw DomainException.invalid("feeItemId", "billing.subscription.kind");
		}
		if (since.isBefore(item.effectiveFrom())
				|| (item.effectiveUntil() != null && since.isAfter(item.effectiveUntil()))) {
			throw DomainException.invalid("since", "billing.parking.since.outside");
		}
		this.rooms.room(communityId, roomId).or(() -> {
			this.rooms.refresh(communityId);
			return this.rooms.room(communityId, roomId);
		}).orElseThrow(() -> DomainException.invalid("room", "billing.parking.room.invalid"));
		// one writer per compound at a time, so two desks cannot give the same space twice
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('billing.parking:' || :c))")
			.param("c", communityId.toString()).query().singleValue();
		Long taken = this.jdbc.sql("""
				select count(*) from billing.parking_subscription where community_id = :c
				   and (space = :space or plate = :plate) and (until is null or until >= :since)
				""").param("c", communityId).param("space", spaceText).param("plate", plateText)
			.param("since", Date.valueOf(since)).query(Long.class).single();
		if (taken > 0) {
			throw DomainException.invalid("space", "billing.parking.taken");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.parking_subscription (id, community_id, room_id, fee_item_id, plate, space, since,
				       created_by, created_at)
				values (:id, :c, :r, :i, :plate, :space, :since, :by, :now)
				""").param("id", id).param("c", communityId).param("r", roomId).param("i", feeItemId)
			.param("plate", plateText).param("space", spaceText).param("since", Date.valueOf(since)).param("by", by)
			.param("now", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	/** Ends a subscription on its last day (inclusive); an ended one is not ended again. */
	@Transactional
	public void end(UUID communityId, UUID id, LocalDate until, Integer version, String by) {
		Subscription s = find(communityId, id).orElseThrow(() -> DomainException.notFound("billing.parking.notFound"));
		if (until == null || until.isBefore(s.since())) {
			throw DomainException.invalid("until", "billing.fee.until.invalid");
		}
		if (s.until() != null) {
			throw DomainException.conflict("billing.parking.ended.already");
		}
		int updated = this.jdbc.sql("""
				update billing.parking_subscription set until = :until, ended_by = :by, version = version + 1
				 where community_id = :c and id = :id and until is null
				   and (cast(:v as integer) is null or version = :v)
				""").param("until", Date.valueOf(until)).param("by", by).param("c", communityId).param("id", id)
			.param("v", version).update();
		if (updated == 0) {
			throw DomainException.conflict("billing.parking.changed");
		}
	}

	private Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Subscription(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getString("room"), rs.getObject("fee_item_id", UUID.class), rs.getString("item"),
				rs.getLong("price_fen"), rs.getString("plate"), rs.getString("space"),
				rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("ended_by"),
				rs.getInt("version"));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
