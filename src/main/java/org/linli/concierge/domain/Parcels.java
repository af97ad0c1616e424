package org.linli.concierge.domain;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.concierge.ParcelArrived;
import org.linli.concierge.ParcelPickedUp;
import org.linli.registry.RegistryApi;
import org.linli.registry.RoomRef;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels at the station (代收快递): staff register arrivals for a room (a repeated scan of the same tracking number
 * changes nothing), the household is told its pickup code, the handover is recorded against the code; parcels
 * waiting longer than the community's setting are overdue.
 */
@Service
public class Parcels {

	public enum Status {
		WAITING, PICKED_UP
	}

	public record Parcel(UUID id, String trackingNumber, String carrier, UUID roomId, String roomLabel, String shelf,
			String pickupCode, Status status, Instant arrivedAt, String registeredBy, Instant pickedUpAt,
			String handedOverBy, boolean overdue) {
	}

	/** An arrival as staff scan or type it; the room by id or as typed ("1-1-101"). */
	public record Arrival(String trackingNumber, String carrier, String roomId, String room, String shelf) {
	}

	/** The registered parcel and whether this call created it (false: a repeated scan). */
	public record Registered(Parcel parcel, boolean created) {
	}

	/** Filters of the staff list. */
	public enum View {
		WAITING, OVERDUE, PICKED_UP, ALL
	}

	private static final int CODE_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegistryApi registry;

	private final ConciergeSettings settings;

	private final ApplicationEventPublisher events;

	private final AuditApi audit;

	private final RandomGenerator random = new SecureRandom();

	Parcels(JdbcClient jdbc, Clock clock, RegistryApi registry, ConciergeSettings settings,
			ApplicationEventPublisher events, AuditApi audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
		this.audit = audit;
	}

	@Transactional
	public Registered register(UUID communityId, Arrival arrival, Caller caller) {
		String by = caller.username();
		Violations violations = new Violations();
		String tracking = normaliseTracking(arrival.trackingNumber());
		violations.require(tracking.matches("[A-Z0-9-]{6,40}"), "trackingNumber", "concierge.parcel.tracking.invalid");
		String carrier = arrival.carrier() == null ? "" : arrival.carrier().strip();
		violations.require(!carrier.isEmpty() && carrier.length() <= 30, "carrier", "concierge.parcel.carrier.invalid");
		String shelf = arrival.shelf() == null || arrival.shelf().isBlank() ? null : arrival.shelf().strip();
		violations.require(shelf == null || shelf.length() <= 20, "shelf", "concierge.parcel.shelf.invalid");
		RoomRef room = room(communityId, arrival);
		violations.require(room != null, arrival.roomId() != null ? "roomId" : "room", "concierge.parcel.room.unknown");
		violations.throwIfAny();

		Instant now = this.clock.instant();
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			UUID id = UUID.randomUUID();
			String code = PickupCodes.generate(this.random);
			int inserted = this.jdbc.sql("""
					insert into concierge.parcel (id, community_id, tracking_number, carrier, room_id, household_id,
					  room_label, shelf, pickup_code, status, arrived_at, registered_by)
					values (:id, :c, :t, :carrier, :r, :h, :label, :shelf, :code, 'WAITING', :now, :by)
					on conflict do nothing
					""").param("id", id).param("c", communityId).param("t", tracking).param("carrier", carrier)
				.param("r", room.roomId()).param("h", room.householdId()).param("label", room.label())
				.param("shelf", shelf).param("code", code).param("now", Timestamp.from(now)).param("by", by).update();
			if (inserted == 1) {
				this.events.publishEvent(new ParcelArrived(communityId, room.roomId(), room.householdId(), id, code,
						carrier, tracking, now));
				audit(caller, new AuditRecord(by, "REGISTER parcel", "parcel " + id, AuditRecord.Result.SUCCESS,
						null, tracking + " -> " + room.label()));
				return new Registered(find(communityId, id).orElseThrow(), true);
			}
			Optional<Parcel> existing = byTracking(communityId, tracking);
			if (existing.isPresent()) {
				if (!existing.get().roomId().equals(room.roomId())) {
					throw DomainException.invalid("trackingNumber", "concierge.parcel.tracking.otherRoom",
							existing.get().roomLabel());
				}
				return new Registered(existing.get(), false);
			}
			// the drawn pickup code is held by another waiting parcel: draw again
		}
		throw new IllegalStateException("no free pickup code after " + CODE_ATTEMPTS + " attempts");
	}

	/** Hands over the waiting parcel the code names (取件). */
	@Transactional
	public Parcel pickUp(UUID communityId, String rawCode, Caller caller) {
		String by = caller.username();
		String code = PickupCodes.normalise(rawCode);
		if (!PickupCodes.isWellFormed(code)) {
			throw DomainException.invalid("code", "concierge.parcel.code.invalid");
		}
		Instant now = this.clock.instant();
		UUID id = this.jdbc.sql("""
				update concierge.parcel set status = 'PICKED_UP', picked_up_at = :now, handed_over_by = :by,
				       version = version + 1
				 where community_id = :c and pickup_code = :code and status = 'WAITING'
				returning id
				""").param("now", Timestamp.from(now)).param("by", by).param("c", communityId).param("code", code)
			.query(UUID.class).optional()
			.orElseThrow(() -> DomainException.invalid("code", "concierge.parcel.code.unknown"));
		Parcel parcel = find(communityId, id).orElseThrow();
		this.events.publishEvent(new ParcelPickedUp(communityId, parcel.roomId(), householdOf(communityId, id), id, now));
		audit(caller, new AuditRecord(by, "HAND OVER parcel", "parcel " + id, AuditRecord.Result.SUCCESS, null,
				parcel.trackingNumber() + " " + parcel.roomLabel()));
		return parcel;
	}

	public Optional<Parcel> find(UUID communityId, UUID parcelId) {
		return this.jdbc.sql(select() + " where community_id = :c and id = :id").param("c", communityId)
			.param("id", parcelId).param("overdueBefore", overdueBefore(communityId)).query(Parcels::row).optional();
	}

	/** The staff list, newest arrivals first (overdue: oldest first, the ones to chase). */
	public Page<Parcel> list(UUID communityId, View view, Pageable pageable) {
		String where = switch (view) {
			case WAITING -> " and status = 'WAITING'";
			case OVERDUE -> " and status = 'WAITING' and arrived_at < :overdueBefore";
			case PICKED_UP -> " and status = 'PICKED_UP'";
			case ALL -> "";
		};
		String order = view == View.OVERDUE ? " order by arrived_at, id" : " order by arrived_at desc, id";
		Timestamp overdueBefore = overdueBefore(communityId);
		List<Parcel> content = this.jdbc.sql(select() + " where community_id = :c" + where + order
				+ " limit :limit offset :offset").param("c", communityId).param("overdueBefore", overdueBefore)
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset()).query(Parcels::row).list();
		long total = this.jdbc.sql("select count(*) from concierge.parcel where community_id = :c" + where)
			.param("c", communityId).param("overdueBefore", overdueBefore).query(Long.class).single();
		return new PageImpl<>(content, pageable, total);
	}

	/** A room's parcels, waiting ones first: what a household sees. */
	public Page<Parcel> ofRoom(UUID communityId, UUID roomId, Pageable pageable) {
		List<Parcel> content = this.jdbc.sql(select() + """
				 where community_id = :c and room_id = :r
				 order by status desc, arrived_at desc, id limit :limit offset :offset
				""").param("c", communityId).param("r", roomId).param("overdueBefore", overdueBefore(communityId))
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset()).query(Parcels::row).list();
		long total = this.jdbc.sql("select count(*) from concierge.parcel where community_id = :c and room_id = :r")
			.param("c", communityId).param("r", roomId).query(Long.class).single();
		return new PageImpl<>(content, pageable, total);
	}

	public long count(UUID communityId, View view) {
		return list(communityId, view, org.springframework.data.domain.PageRequest.of(0, 1)).getTotalElements();
	}

	private RoomRef room(UUID communityId, Arrival arrival) {
		if (arrival.roomId() != null && !arrival.roomId().isBlank()) {
			try {
				return this.registry.room(communityId, UUID.fromString(arrival.roomId().strip())).orElse(null);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return arrival.room() == null || arrival.room().isBlank() ? null
				: this.registry.roomByLabel(communityId, arrival.room()).orElse(null);
	}

	private Optional<Parcel> byTracking(UUID communityId, String tracking) {
		return this.jdbc.sql(select() + " where community_id = :c and tracking_number = :t").param("c", communityId)
			.param("t", tracking).param("overdueBefore", overdueBefore(communityId)).query(Parcels::row).optional();
	}

	private UUID householdOf(UUID communityId, UUID parcelId) {
		return this.jdbc.sql("select household_id from concierge.parcel where community_id = :c and id = :id")
			.param("c", communityId).param("id", parcelId).query(UUID.class).optional().orElse(null);
	}

	private Timestamp overdueBefore(UUID communityId) {
		int days = this.settings.of(communityId).parcelOverdueDays();
		return Timestamp.from(this.clock.instant().minus(Duration.ofDays(days)));
	}

	private void audit(Caller caller, AuditRecord record) {
		if (caller.audited()) {
			this.audit.record(record);
		}
	}

	static String normaliseTracking(String raw) {
		return raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private static String select() {
		return """
				select id, tracking_number, carrier, room_id, room_label, shelf, pickup_code, status, arrived_at,
				       registered_by, picked_up_at, handed_over_by,
				       (status = 'WAITING' and arrived_at < :overdueBefore) as overdue
				  from concierge.parcel
				""";
	}

	private static Parcel row(ResultSet rs, int n) throws SQLException {
		Timestamp picked = rs.getTimestamp("picked_up_at");
		return new Parcel(rs.getObject("id", UUID.class), rs.getString("tracking_number"), rs.getString("carrier"),
				rs.getObject("room_id", UUID.class), rs.getString("room_label"), rs.getString("shelf"),
				rs.getString("pickup_code"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("arrived_at").toInstant(), rs.getString("registered_by"),
				picked == null ? null : picked.toInstant(), rs.getString("handed_over_by"), rs.getBoolean("overdue"));
	}

}
