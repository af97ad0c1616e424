package org.linli.concierge.api;

import java.util.UUID;

import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.Parcels;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parcels: station staff register arrivals (201; the same tracking number again answers 200 with the same parcel)
 * and hand them over against the pickup code; residents see their own room's parcels with their pickup codes.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}/parcels")
class ParcelsController {

	record ArrivalRequest(String trackingNumber, String carrier, String roomId, String room, String shelf) {
	}

	record PickupRequest(String code) {
	}

	private final Parcels parcels;

	private final ConciergeAccess access;

	private final Views views;

	ParcelsController(Parcels parcels, ConciergeAccess access, Views views) {
		this.parcels = parcels;
		this.access = access;
		this.views = views;
	}

	@PostMapping
	ResponseEntity<Views.ParcelView> register(@PathVariable UUID cid, @RequestBody ArrivalRequest request) {
		Caller staff = this.access.requireOperator(cid);
		Parcels.Registered registered = this.parcels.register(cid, new Parcels.Arrival(request.trackingNumber(),
				request.carrier(), request.roomId(), request.room(), request.shelf()), staff);
		return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(this.views.parcel(registered.parcel(), false));
	}

	/** Staff: the station's parcels ({@code view} WAITING, OVERDUE, PICKED_UP or ALL); residents: their room's. */
	@GetMapping
	PagedModel<Views.ParcelView> list(@PathVariable UUID cid, @RequestParam(defaultValue = "WAITING") Parcels.View view,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Caller caller = this.access.require(cid);
		PageRequest pageable = Paging.of(page, size);
		if (caller.isResident()) {
			return Views.paged(this.parcels.ofRoom(cid, caller.home().roomId(), pageable)
				.map(p -> this.views.parcel(p, true)));
		}
		return Views.paged(this.parcels.list(cid, view, pageable).map(p -> this.views.parcel(p, false)));
	}

	@GetMapping("/{id}")
	Views.ParcelView one(@PathVariable UUID cid, @PathVariable UUID id) {
		Caller caller = this.access.require(cid);
		Parcels.Parcel parcel = this.parcels.find(cid, id)
			.filter(p -> !caller.isResident() || p.roomId().equals(caller.home().roomId()))
			.orElseThrow(() -> DomainException.notFound("concierge.parcel.notFound"));
		return this.views.parcel(parcel, caller.isResident());
	}

	/** Hands over the waiting parcel the pickup code names. */
	@PostMapping("/pickups")
	Views.ParcelView pickUp(@PathVariable UUID cid, @RequestBody PickupRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.views.parcel(this.parcels.pickUp(cid, request.code(), staff), false);
	}

}
