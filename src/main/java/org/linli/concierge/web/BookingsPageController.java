package org.linli.concierge.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.concierge.domain.BookingStatus;
import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.shared.web.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The day's bookings for the station: confirm, complete, cancel; book for a resident who phoned or came in. */
@Controller
@RequestMapping("/console/communities/{cid}/concierge/bookings")
class BookingsPageController {

	private final ConciergeAccess access;

	private final Bookings bookings;

	private final Catalogue catalogue;

	private final StationPages pages;

	private final java.time.Clock clock;

	BookingsPageController(ConciergeAccess access, Bookings bookings, Catalogue catalogue, StationPages pages,
			java.time.Clock clock) {
		this.access = access;
		this.bookings = bookings;
		this.catalogue = catalogue;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	String list(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) BookingStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		this.access.requireOperator(cid);
		LocalDate day = date == null ? LocalDate.now(this.clock) : date;
		this.pages.community(cid, "bookings", model);
		model.addAttribute("date", day);
		model.addAttribute("status", status);
		model.addAttribute("statuses", BookingStatus.values());
		model.addAttribute("bookings", this.bookings.ofDay(cid, day, status, Paging.of(page, 100)));
		model.addAttribute("services",
				this.catalogue.services(cid, false).stream().filter(Catalogue.ServiceItem::bookable).toList());
		model.addAttribute("zone", this.clock.getZone());
		return "concierge/bookings";
	}

	/** An assisted booking: the slot as date and time of day in the community's zone. */
	@PostMapping
	String book(@PathVariable UUID cid, @RequestParam(defaultValue = "") String serviceId,
			@RequestParam(defaultValue = "") String slotStart, @RequestParam(defaultValue = "") String room,
			@RequestParam(defaultValue = "") String note, RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, null), flash, request,
				Map.of("serviceId", serviceId, "slotStart", slotStart, "room", room, "note", note),
				() -> this.bookings.book(cid, staff, new Bookings.Request(serviceId, slotStart, note, null, room)),
				"booked");
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String date,
			RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, date), flash, request, Map.of(),
				() -> this.bookings.confirm(cid, id, staff), "changed");
	}

	@PostMapping("/{id}/complete")
	String complete(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String date,
			RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, date), flash, request, Map.of(),
				() -> this.bookings.complete(cid, id, staff), "changed");
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String date,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, date), flash, request, Map.of(),
				() -> this.bookings.cancel(cid, id, staff, reason), "changed");
	}

	private static String path(UUID cid, String date) {
		return "/console/communities/" + cid + "/concierge/bookings"
				+ (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}") ? "" : "?date=" + date);
	}

}
