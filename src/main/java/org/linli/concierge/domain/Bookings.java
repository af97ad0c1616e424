package org.linli.concierge.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.concierge.BookingChanged;
import org.linli.registry.RegistryApi;
import org.linli.registry.RoomRef;
import org.linli.shared.money.Money;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of the station's services in time slots. A place in a slot is taken by one atomic upsert on
 * {@code concierge.slot_load} that succeeds only while places are left, so parallel requests never overbook; the
 * booking row and its place are written in one transaction.
 */
@Service
public class Bookings {

	public record Booking(UUID id, UUID serviceId, String serviceName, String provider, UUID householdId,
			UUID roomId, String roomLabel, Instant slotStart, Instant slotEnd, Money price, String note,
			BookingStatus status, boolean assisted, String createdBy, Instant createdAt, String decidedBy,
			String cancelReason, int version) {
	}

	/** A booking as asked for; staff book for a room ({@code roomId} or {@code room} as typed), residents for home. */
	public record Request(String serviceId, String slotStart, String note, String roomId, String room) {
	}

	/** One slot of a day with its places. */
	public record Slot(Instant start, Instant end, int capacity, int booked) {

		public int available() {
			return Math.max(0, this.capacity - this.booked);
		}

	}

	private static final String SELECT = """
			select b.id, b.service_id, s.name as service_name, s.provider, b.household_id, b.room_id, b.room_label,
			       b.slot_start, b.slot_end, b.price_fen, b.note, b.status, b.assisted, b.created_by, b.created_at,
			       b.decided_by, b.cancel_reason, b.version
			  from concierge.booking b join concierge.service s on s.id = b.service_id and s.community_id = b.community_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Catalogue catalogue;

	private final ConciergeSettings settings;

	private final RegistryApi registry;

	private final ApplicationEventPublisher events;

	private final AuditApi audit;

	Bookings(JdbcClient jdbc, Clock clock, Catalogue catalogue, ConciergeSettings settings, RegistryApi registry,
			ApplicationEventPublisher events, AuditApi audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.catalogue = catalogue;
		this.settings = settings;
		this.registry = registry;
		this.events = events;
		this.audit = audit;
	}

	/** The slots of a service on a day with the places taken. */
	public List<Slot> slots(UUID communityId, UUID serviceId, LocalDate day) {
		Catalogue.ServiceItem service = this.catalogue.require(communityId, serviceId);
		if (!service.bookable()) {
			return List.of();
		}
		ZoneId zone = this.clock.getZone();
		Map<Instant, Integer> booked = new HashMap<>();
		this.jdbc.sql("""
				select slot_start, booked from concierge.slot_load
				 where community_id = :c and service_id = :s and slot_start >= :from and slot_start < :to
				""").param("c", communityId).param("s", serviceId)
			.param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> booked.put(rs.getTimestamp(1).toInstant(), rs.getInt(2))).list();
		SlotRules rules = service.slots();
		return rules.starts().stream().map(time -> {
			ZonedDateTime start = day.atTime(time).atZone(zone);
			Instant instant = start.toInstant();
			return new Slot(instant, rules.end(start).toInstant(), service.slotCapacity(),
					booked.getOrDefault(instant, 0));
		}).toList();
	}

	@Transactional
	public Booking book(UUID communityId, Caller caller, Request request) {
		Violations violations = new Violations();
		Catalogue.ServiceItem service = serviceOf(communityId, request.serviceId());
		violations.require(service != null && service.active() && service.bookable(), "serviceId",
				"concierge.booking.service.invalid");
		ZonedDateTime start = parseStart(request.slotStart());
		violations.require(start != null, "slotStart", "concierge.booking.slot.invalid");
		String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
		violations.require(note == null || note.length() <= 200, "note", "concierge.booking.note.tooLong");
		RoomRef room = roomFor(communityId, caller, request);
		if (!caller.isResident()) {
			violations.require(room != null && room.householdId() != null,
					request.roomId() != null ? "roomId" : "room", "concierge.booking.room.unknown");
		}
		if (service != null && service.bookable() && start != null) {
			switch (service.slots().check(start, this.clock.instant(), this.clock.getZone())) {
				case NOT_A_SLOT -> violations.add("slotStart", "concierge.booking.slot.invalid");
				case PAST -> violations.add("slotStart", "concierge.booking.slot.past");
				case TOO_FAR -> violations.add("slotStart", "concierge.booking.slot.tooFar", SlotRules.HORIZON_DAYS);
				case OK -> {
				}
			}
		}
		violations.throwIfAny();

		UUID id = UUID.randomUUID();
		Instant slotStart = start.toInstant();
		try {
			this.jdbc.sql("""
					insert into concierge.booking (id, community_id, service_id, household_id, room_id, room_label,
					  person_id, slot_start, slot_end, price_fen, note, status, assisted, created_by, created_at)
					values (:id, :c, :s, :h, :r, :label, :p, :start, :end, :price, :note, 'REQUESTED', :assisted,
					  :by, :now)
					""").param("id", id).param("c", communityId).param("s", service.id())
				.param("h", room.householdId()).param("r", room.roomId()).param("label", room.label())
				.param("p", caller.isResident() ? caller.home().personId() : null)
				.param("start", Timestamp.from(slotStart))
				.param("end", Timestamp.from(service.slots().end(start).toInstant()))
				.param("price", service.price().fen()).param("note", note).param("assisted", !caller.isResident())
				.param("by", caller.username()).param("now", Timestamp.from(this.clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("concierge.booking.already");
		}
		int taken = this.jdbc.sql("""
				insert into concierge.slot_load (community_id, service_id, slot_start, capacity, booked)
				values (:c, :s, :start, :capacity, 1)
				on conflict (community_id, service_id, slot_start) do update
				   set booked = slot_load.booked + 1, capacity = excluded.capacity
				 where slot_load.booked + 1 <= excluded.capacity
				""").param("c", communityId).param("s", service.id()).param("start", Timestamp.from(slotStart))
			.param("capacity", service.slotCapacity()).update();
		if (taken == 0) {
			throw DomainException.conflict("concierge.booking.slot.full");
		}
		if (!caller.isResident() && caller.audited()) {
			this.audit.record(new AuditRecord(caller.username(), "BOOK concierge service (assisted)", "booking " + id,
					AuditRecord.Result.SUCCESS, null, service.code() + " " + slotStart + " " + room.label()));
		}
		return find(communityId, id).orElseThrow();
	}

	@Transactional
	public Booking confirm(UUID communityId, UUID bookingId, Caller staff) {
		Booking booking = require(communityId, bookingId, staff);
		return change(communityId, booking, booking.status().confirm(), staff, null);
	}

	@Transactional
	public Booking complete(UUID communityId, UUID bookingId, Caller staff) {
		Booking booking = require(communityId, bookingId, staff);
		return change(communityId, booking, booking.status().complete(), staff, null);
	}

	/**
	 * Cancels and frees the place. Residents cancel their own household's bookings until the community's deadline
	 * before the slot; staff cancel any open booking, with a reason.
	 */
	@Transactional
	public Booking cancel(UUID communityId, UUID bookingId, Caller caller, String reason) {
		Booking booking = require(communityId, bookingId, caller);
		BookingStatus next = booking.status().cancel();
		if (caller.isResident()) {
			int hours = this.settings.of(communityId).cancelHours();
			if (!BookingStatus.residentMayCancel(booking.slotStart(), this.clock.instant(), hours)) {
				throw DomainException.conflict("concierge.booking.cancel.tooLate", hours);
			}
		}
		String clean = reason == null || reason.isBlank() ? null : reason.strip();
		if (clean != null && clean.length() > 200) {
			throw DomainException.invalid("reason", "concierge.booking.reason.tooLong");
		}
		Booking cancelled = change(communityId, booking, next, caller, clean);
		this.jdbc.sql("""
				update concierge.slot_load set booked = booked - 1
				 where community_id = :c and service_id = :s and slot_start = :start and booked > 0
				""").param("c", communityId).param("s", booking.serviceId())
			.param("start", Timestamp.from(booking.slotStart())).update();
		return cancelled;
	}

	/** A booking the caller may see: staff any of the community, residents only their household's (else 404). */
	public Booking require(UUID communityId, UUID bookingId, Caller caller) {
		return find(communityId, bookingId)
			.filter(b -> !caller.isResident() || b.householdId().equals(caller.home().householdId()))
			.orElseThrow(() -> DomainException.notFound("concierge.booking.notFound"));
	}

	public Optional<Booking> find(UUID communityId, UUID bookingId) {
		return this.jdbc.sql(SELECT + " where b.community_id = :c and b.id = :id").param("c", communityId)
			.param("id", bookingId).query(Bookings::row).optional();
	}

	/** Staff: the bookings of a day (all days when null), by slot; optionally of one status. */
	public Page<Booking> ofDay(UUID communityId, LocalDate day, BookingStatus status, Pageable pageable) {
		ZoneId zone = this.clock.getZone();
		String where = " where b.community_id = :c"
				+ (day == null ? "" : " and b.slot_start >= :from and b.slot_start < :to")
				+ (status == null ? "" : " and b.status = :status");
		Timestamp from = day == null ? null : Timestamp.from(day.atStartOfDay(zone).toInstant());
		Timestamp to = day == null ? null : Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
		String statusName = status == null ? null : status.name();
		List<Booking> content = this.jdbc.sql(SELECT + where
				+ " order by b.slot_start, s.sort_order, b.room_label limit :limit offset :offset")
			.param("c", communityId).param("from", from).param("to", to).param("status", statusName)
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset()).query(Bookings::row).list();
		long total = this.jdbc.sql("select count(*) from concierge.booking b" + where).param("c", communityId)
			.param("from", from).param("to", to).param("status", statusName).query(Long.class).single();
		return new PageImpl<>(content, pageable, total);
	}

	/** A household's bookings, newest slot first. */
	public Page<Booking> ofHousehold(UUID communityId, UUID householdId, Pageable pageable) {
		List<Booking> content = this.jdbc.sql(SELECT + """
				 where b.community_id = :c and b.household_id = :h
				 order by b.slot_start desc limit :limit offset :offset
				""").param("c", communityId).param("h", householdId).param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset()).query(Bookings::row).list();
		long total = this.jdbc.sql("select count(*) from concierge.booking where community_id = :c and household_id = :h")
			.param("c", communityId).param("h", householdId).query(Long.class).single();
		return new PageImpl<>(content, pageable, total);
	}

	private Booking change(UUID communityId, Booking booking, BookingStatus next, Caller caller, String reason) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int changed = this.jdbc.sql("""
				update concierge.booking
				   set status = :next, version = version + 1,
				       decided_by = case when :resident then decided_by else :by end,
				       confirmed_at = case when :next = 'CONFIRMED' then :now else confirmed_at end,
				       completed_at = case when :next = 'COMPLETED' then :now else completed_at end,
				       cancelled_at = case when :next = 'CANCELLED' then :now else cancelled_at end,
				       cancel_reason = case when :next = 'CANCELLED' then :reason else cancel_reason end
				 where community_id = :c and id = :id and version = :v
				""").param("next", next.name()).param("resident", caller.isResident()).param("by", caller.username())
			.param("now", now).param("reason", reason).param("c", communityId).param("id", booking.id())
			.param("v", booking.version()).update();
		if (changed == 0) {
			throw DomainException.conflict("concierge.booking.stale");
		}
		this.events.publishEvent(new BookingChanged(communityId, booking.roomId(), booking.householdId(), booking.id(),
				booking.serviceName(), booking.slotStart(), next.name(), caller.isResident()));
		if (caller.audited()) {
			this.audit.record(new AuditRecord(caller.username(), next.name() + " booking", "booking " + booking.id(),
				AuditRecord.Result.SUCCESS, null, booking.serviceName() + " " + booking.slotStart() + " "
						+ booking.roomLabel() + (reason == null ? "" : " reason: " + reason)));
		}
		return find(communityId, booking.id()).orElseThrow();
	}

	private RoomRef roomFor(UUID communityId, Caller caller, Request request) {
		if (caller.isResident()) {
			return new RoomRef(communityId, caller.home().roomId(), caller.home().householdId(),
					caller.home().roomLabel());
		}
		if (request.roomId() != null && !request.roomId().isBlank()) {
			try {
				return this.registry.room(communityId, UUID.fromString(request.roomId().strip())).orElse(null);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return request.room() == null || request.room().isBlank() ? null
				: this.registry.roomByLabel(communityId, request.room()).orElse(null);
	}

	private Catalogue.ServiceItem serviceOf(UUID communityId, String serviceId) {
		try {
			return serviceId == null ? null
					: this.catalogue.service(communityId, UUID.fromString(serviceId.strip())).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** ISO-8601 with an offset; a local date-time is read in the community's zone. */
	private ZonedDateTime parseStart(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).atZoneSameInstant(this.clock.getZone());
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDateTime.parse(text.strip()).atZone(this.clock.getZone());
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

	private static Booking row(ResultSet rs, int n) throws SQLException {
		return new Booking(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
				rs.getString("service_name"), rs.getString("provider"), rs.getObject("household_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getString("room_label"),
				rs.getTimestamp("slot_start").toInstant(), rs.getTimestamp("slot_end").toInstant(),
				Money.ofFen(rs.getLong("price_fen")), rs.getString("note"),
				BookingStatus.valueOf(rs.getString("status")), rs.getBoolean("assisted"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"), rs.getString("cancel_reason"),
				rs.getInt("version"));
	}

}
