package org.linli.concierge.api;

import java.time.LocalDate;
import java.util.UUID;

import org.linli.concierge.domain.BookingStatus;
import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.shared.web.Paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings: residents book for their household and see only its bookings; station staff book for a room
 * (assisted), list a day's bookings, confirm, complete and cancel.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}/bookings")
class BookingsController {

	record BookingRequest(String serviceId, String slotStart, String note, String roomId, String room) {
	}

	record CancelRequest(String reason) {
	}

	private final Bookings bookings;

	private final ConciergeAccess access;

	private final Views views;

	BookingsController(Bookings bookings, ConciergeAccess access, Views views) {
		this.bookings = bookings;
		this.access = access;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Views.BookingView book(@PathVariable UUID cid, @RequestBody BookingRequest request) {
		Caller caller = this.access.require(cid);
		return this.views.booking(this.bookings.book(cid, caller, new Bookings.Request(request.serviceId(),
				request.slotStart(), request.note(), request.roomId(), request.room())));
	}

	/** Staff: the bookings of a day (all days without {@code date}); residents: their household's. */
	@GetMapping
	PagedModel<Views.BookingView> list(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) BookingStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Caller caller = this.access.require(cid);
		PageRequest pageable = Paging.of(page, size);
		var result = caller.isResident() ? this.bookings.ofHousehold(cid, caller.home().householdId(), pageable)
				: this.bookings.ofDay(cid, date, status, pageable);
		return Views.paged(result.map(this.views::booking));
	}

	@GetMapping("/{id}")
	Views.BookingView one(@PathVariable UUID cid, @PathVariable UUID id) {
		return this.views.booking(this.bookings.require(cid, id, this.access.require(cid)));
	}

	@PostMapping("/{id}/confirm")
	Views.BookingView confirm(@PathVariable UUID cid, @PathVariable UUID id) {
		return this.views.booking(this.bookings.confirm(cid, id, this.access.requireOperator(cid)));
	}

	@PostMapping("/{id}/complete")
	Views.BookingView complete(@PathVariable UUID cid, @PathVariable UUID id) {
		return this.views.booking(this.bookings.complete(cid, id, this.access.requireOperator(cid)));
	}

	@PostMapping("/{id}/cancel")
	Views.BookingView cancel(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestBody(required = false) CancelRequest request) {
		return this.views.booking(this.bookings.cancel(cid, id, this.access.require(cid),
				request == null ? null : request.reason()));
	}

}
