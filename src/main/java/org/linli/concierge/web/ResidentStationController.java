package org.linli.concierge.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.ConciergeSettings;
import org.linli.concierge.domain.Meals;
import org.linli.concierge.domain.Parcels;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's side of the station (mobile-first, elderly mode): book a service in three taps, see the household's
 * parcels with their pickup codes, order elderly meals. Always the signed-in person's own household.
 */
@Controller
class ResidentStationController {

	/** Days offered for booking on the phone: today and the next six. */
	private static final int DAYS_SHOWN = 7;

	private final ConciergeAccess access;

	private final Catalogue catalogue;

	private final Bookings bookings;

	private final Parcels parcels;

	private final Meals meals;

	private final ConciergeSettings settings;

	private final StationPages pages;

	private final Clock clock;

	ResidentStationController(ConciergeAccess access, Catalogue catalogue, Bookings bookings, Parcels parcels,
			Meals meals, ConciergeSettings settings, StationPages pages, Clock clock) {
		this.access = access;
		this.catalogue = catalogue;
		this.bookings = bookings;
		this.parcels = parcels;
		this.meals = meals;
		this.settings = settings;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/app/services")
	String services(Model model) {
		Caller me = this.access.resident();
		UUID cid = me.home().communityId();
		model.addAttribute("categories", this.catalogue.categories(cid));
		model.addAttribute("services", this.catalogue.services(cid, false));
		model.addAttribute("bookings", this.bookings.ofHousehold(cid, me.home().householdId(), Paging.of(0, 20)));
		model.addAttribute("cancelHours", this.settings.of(cid).cancelHours());
		model.addAttribute("zone", this.clock.getZone());
		return "concierge/app-services";
	}

	@GetMapping("/app/services/{sid}")
	String service(@PathVariable UUID sid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		Caller me = this.access.resident();
		UUID cid = me.home().communityId();
		Catalogue.ServiceItem service = this.catalogue.require(cid, sid);
		if (!service.active() || !service.bookable()) {
			throw DomainException.notFound("concierge.service.notFound");
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate day = date == null || date.isBefore(today) || date.isAfter(today.plusDays(DAYS_SHOWN - 1)) ? today
				: date;
		List<LocalDate> days = IntStream.range(0, DAYS_SHOWN).mapToObj(today::plusDays).toList();
		var now = this.clock.instant();
		model.addAttribute("service", service);
		model.addAttribute("day", day);
		model.addAttribute("days", days);
		model.addAttribute("slots", this.bookings.slots(cid, sid, day).stream()
			.filter(slot -> slot.start().isAfter(now)).toList());
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("room", me.home().roomLabel());
		return "concierge/app-service";
	}

	@PostMapping("/app/services/{sid}/book")
	String book(@PathVariable UUID sid, @RequestParam(defaultValue = "") String slotStart,
			@RequestParam(defaultValue = "") String note, RedirectAttributes flash, HttpServletRequest request) {
		Caller me = this.access.resident();
		UUID cid = me.home().communityId();
		try {
			this.bookings.book(cid, me, new Bookings.Request(sid.toString(), slotStart, note, null, null));
			flash.addFlashAttribute("booked", true);
			return "redirect:/app/services";
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("fieldErrors", this.pages.errors(ex));
			org.linli.shared.web.RequestOutcome.rejected(request);
			return "redirect:/app/services/" + sid;
		}
	}

	@PostMapping("/app/bookings/{id}/cancel")
	String cancelBooking(@PathVariable UUID id, RedirectAttributes flash, HttpServletRequest request) {
		Caller me = this.access.resident();
		return this.pages.submit("/app/services", flash, request, Map.of(),
				() -> this.bookings.cancel(me.home().communityId(), id, me, null), "cancelled");
	}

	@GetMapping("/app/parcels")
	String parcels(Model model) {
		Caller me = this.access.resident();
		var mine = this.parcels.ofRoom(me.home().communityId(), me.home().roomId(), Paging.of(0, 50)).getContent();
		model.addAttribute("waiting", mine.stream().filter(p -> p.status() == Parcels.Status.WAITING).toList());
		model.addAttribute("collected", mine.stream().filter(p -> p.status() == Parcels.Status.PICKED_UP).toList());
		model.addAttribute("zone", this.clock.getZone());
		return "concierge/app-parcels";
	}

	@GetMapping("/app/meals")
	String meals(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Model model) {
		Caller me = this.access.resident();
		UUID cid = me.home().communityId();
		LocalDate today = this.meals.today();
		LocalDate date = day == null || day.isBefore(today) || day.isAfter(today.plusDays(Meals.ORDER_DAYS_AHEAD))
				? today : day;
		List<Meals.Eater> eaters = this.meals.eaters(cid, me.home().roomId(), date);
		List<Meals.Order> orders = this.meals.ofHousehold(cid, me.home().householdId(), 20);
		model.addAttribute("day", date);
		model.addAttribute("days", IntStream.rangeClosed(0, 2).mapToObj(today::plusDays).toList());
		model.addAttribute("menu", this.meals.menu(cid, date).orElse(null));
		model.addAttribute("eaters", eaters.stream().filter(Meals.Eater::elderly).toList());
		model.addAttribute("orderedToday", orders.stream()
			.filter(o -> o.day().equals(date) && "ORDERED".equals(o.status())).map(Meals.Order::personId).toList());
		model.addAttribute("orders", orders);
		model.addAttribute("today", today);
		return "concierge/app-meals";
	}

	@PostMapping("/app/meals/orders")
	String order(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String personId,
			@RequestParam(defaultValue = "false") boolean delivery, RedirectAttributes flash,
			HttpServletRequest request) {
		Caller me = this.access.resident();
		return this.pages.submit("/app/meals" + (day.matches("\\d{4}-\\d{2}-\\d{2}") ? "?day=" + day : ""), flash,
				request, Map.of(), () -> this.meals.order(me.home().communityId(), me,
						new Meals.Request(day, personId, delivery, null)),
				"ordered");
	}

	@PostMapping("/app/meals/orders/{id}/cancel")
	String cancelMeal(@PathVariable UUID id, RedirectAttributes flash, HttpServletRequest request) {
		Caller me = this.access.resident();
		return this.pages.submit("/app/meals", flash, request, Map.of(),
				() -> this.meals.cancel(me.home().communityId(), id, me), "cancelled");
	}

}
