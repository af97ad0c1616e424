package org.linli.concierge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.Meals;
import org.linli.concierge.domain.Parcels;

import org.springframework.stereotype.Service;

/** What other modules (and the demo data) may ask of the convenience station. */
@Service
public class ConciergeApi {

	private final Catalogue catalogue;

	private final Parcels parcels;

	private final Bookings bookings;

	private final Meals meals;

	ConciergeApi(Catalogue catalogue, Parcels parcels, Bookings bookings, Meals meals) {
		this.catalogue = catalogue;
		this.parcels = parcels;
		this.bookings = bookings;
		this.meals = meals;
	}

	/** Seeds the plan's 3 categories and 20 services for a community; returns how many services were added. */
	public int seedCatalogue(UUID communityId) {
		return this.catalogue.seed(communityId);
	}

	/** The id of the community's service with this code, if the catalogue has it. */
	public java.util.Optional<UUID> serviceId(UUID communityId, String code) {
		return this.catalogue.services(communityId, true).stream().filter(s -> s.code().equals(code))
			.map(Catalogue.ServiceItem::id).findFirst();
	}

	/**
	 * Registers a parcel for a room as station staff would, in the name of a system process (demo content, a
	 * locker integration: not audited as a person's action); the same tracking number again changes nothing.
	 */
	public UUID registerParcel(UUID communityId, String trackingNumber, String carrier, UUID roomId, String by) {
		return this.parcels.register(communityId,
				new Parcels.Arrival(trackingNumber, carrier, roomId.toString(), null, null), Caller.system(by))
			.parcel()
			.id();
	}

	/** Books a slot of a service for a room as station staff would, in the name of a system process. */
	public UUID bookForRoom(UUID communityId, UUID serviceId, UUID roomId, OffsetDateTime slotStart, String note,
			String by) {
		return this.bookings.book(communityId, Caller.system(by),
				new Bookings.Request(serviceId.toString(), slotStart.toString(), note, roomId.toString(), null)).id();
	}

	public void setMealMenu(UUID communityId, LocalDate day, String dishes, long priceFen, long subsidyFen,
			String by) {
		this.meals.setMenu(communityId, day.toString(), dishes, priceFen, subsidyFen, Caller.system(by));
	}

	public boolean hasMealMenu(UUID communityId, LocalDate day) {
		return this.meals.menu(communityId, day).isPresent();
	}

	/** Orders a meal for an elderly resident as station staff would (assisted), in the name of a system process. */
	public UUID orderMealFor(UUID communityId, UUID personId, LocalDate day, boolean delivery, String by) {
		return this.meals.order(communityId, Caller.system(by),
				new Meals.Request(day.toString(), personId.toString(), delivery, null)).id();
	}

	/** Whether the community's station has taken any booking yet (demo data seeds only an empty station). */
	public boolean hasBookings(UUID communityId) {
		return this.bookings.ofDay(communityId, null, null, org.springframework.data.domain.PageRequest.of(0, 1))
			.getTotalElements() > 0;
	}

	public boolean hasParcels(UUID communityId) {
		return this.parcels.count(communityId, Parcels.View.ALL) > 0;
	}

}
