package org.linli.concierge.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.Meals;
import org.linli.concierge.domain.Parcels;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Component;

/** The JSON shapes of the concierge API: money in fen, times ISO-8601 with the community's offset. */
@Component
class Views {

	record ServiceView(String id, String categoryCode, String categoryName, String code, String name,
			String provider, long priceFen, String price, String priceUnit, String opensAt, String closesAt,
			boolean bookable, int slotMinutes, int slotCapacity, boolean active, int version) {
	}

	record SlotView(OffsetDateTime start, OffsetDateTime end, int capacity, int booked, int available) {
	}

	record BookingView(String id, String serviceId, String serviceName, String provider, String roomId,
			String room, OffsetDateTime slotStart, OffsetDateTime slotEnd, long priceFen, String note, String status,
			boolean assisted, String createdBy, OffsetDateTime createdAt, String cancelReason, int version) {
	}

	/** {@code pickupCode} only for the household it belongs to: staff ask the resident for it. */
	record ParcelView(String id, String trackingNumber, String carrier, String roomId, String room, String shelf,
			String pickupCode, String status, boolean overdue, OffsetDateTime arrivedAt, OffsetDateTime pickedUpAt) {
	}

	record MenuView(LocalDate day, String dishes, long priceFen, long subsidyFen, long subsidisedPriceFen,
			int version) {
	}

	record MealOrderView(String id, LocalDate day, String personId, String personName, String room,
			boolean delivery, boolean subsidised, long priceFen, boolean assisted, String orderedBy, String status) {
	}

	record KitchenView(LocalDate day, String dishes, int capacity, int ordered, int dineIn, int delivery,
			int subsidised, List<Meals.KitchenLine> lines) {
	}

	private final Clock clock;

	Views(Clock clock) {
		this.clock = clock;
	}

	OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, this.clock.getZone());
	}

	ServiceView service(Catalogue.ServiceItem s) {
		return new ServiceView(s.id().toString(), s.categoryCode(), s.categoryName(), s.code(), s.name(),
				s.provider(), s.price().fen(), s.price().toString(), s.priceUnit(), s.opensAt().toString(),
				s.closesAt().toString(), s.bookable(), s.slotMinutes(), s.slotCapacity(), s.active(), s.version());
	}

	SlotView slot(Bookings.Slot s) {
		return new SlotView(time(s.start()), time(s.end()), s.capacity(), s.booked(), s.available());
	}

	BookingView booking(Bookings.Booking b) {
		return new BookingView(b.id().toString(), b.serviceId().toString(), b.serviceName(), b.provider(),
				b.roomId().toString(), b.roomLabel(), time(b.slotStart()), time(b.slotEnd()), b.price().fen(),
				b.note(), b.status().name(), b.assisted(), b.createdBy(), time(b.createdAt()), b.cancelReason(),
				b.version());
	}

	ParcelView parcel(Parcels.Parcel p, boolean withCode) {
		return new ParcelView(p.id().toString(), p.trackingNumber(), p.carrier(), p.roomId().toString(),
				p.roomLabel(), p.shelf(), withCode && p.status() == Parcels.Status.WAITING ? p.pickupCode() : null,
				p.status().name(), p.overdue(), time(p.arrivedAt()), time(p.pickedUpAt()));
	}

	MenuView menu(Meals.Menu m) {
		return new MenuView(m.day(), m.dishes(), m.price().fen(), m.subsidy().fen(), m.subsidisedPrice().fen(),
				m.version());
	}

	MealOrderView order(Meals.Order o) {
		return new MealOrderView(o.id().toString(), o.day(), o.personId().toString(), o.personName(),
				o.roomLabel(), o.delivery(), o.subsidised(), o.price().fen(), o.assisted(), o.orderedBy(),
				o.status());
	}

	KitchenView kitchen(Meals.KitchenList k) {
		return new KitchenView(k.day(), k.menu() == null ? null : k.menu().dishes(), k.capacity(), k.ordered(),
				k.dineIn(), k.delivery(), k.subsidised(), k.lines());
	}

	static <T> PagedModel<T> paged(Page<T> page) {
		return new PagedModel<>(page);
	}

	/** One page of a short list held in memory. */
	static <T> PagedModel<T> paged(List<T> all, PageRequest pageable) {
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		return new PagedModel<>(new PageImpl<>(all.subList(from, to), pageable, all.size()));
	}

	static UUID id(String value) {
		try {
			return value == null ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
