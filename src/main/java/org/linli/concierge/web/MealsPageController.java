package org.linli.concierge.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.ConciergeSettings;
import org.linli.concierge.domain.Meals;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.shared.web.DomainException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The elderly canteen desk: the day's menu, orders taken for residents (assisted), the printable kitchen list. */
@Controller
@RequestMapping("/console/communities/{cid}/concierge/meals")
class MealsPageController {

	private final ConciergeAccess access;

	private final Meals meals;

	private final ConciergeSettings settings;

	private final RegistryApi registry;

	private final StationPages pages;

	MealsPageController(ConciergeAccess access, Meals meals, ConciergeSettings settings, RegistryApi registry,
			StationPages pages) {
		this.access = access;
		this.meals = meals;
		this.settings = settings;
		this.registry = registry;
		this.pages = pages;
	}

	@GetMapping
	String day(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String room, Model model) {
		this.access.requireOperator(cid);
		LocalDate date = day == null ? this.meals.today() : day;
		this.pages.community(cid, "meals", model);
		model.addAttribute("day", date);
		model.addAttribute("menu", this.meals.menu(cid, date).orElse(null));
		model.addAttribute("orders", this.meals.ofDay(cid, date));
		model.addAttribute("orderedCount", this.meals.orderedOn(cid, date));
		model.addAttribute("capacity", this.settings.of(cid).mealCapacity());
		if (room != null && !room.isBlank()) {
			model.addAttribute("room", room);
			this.registry.roomByLabel(cid, room).ifPresentOrElse(
					r -> model.addAttribute("eaters", this.meals.eaters(cid, r.roomId(), date)),
					() -> model.addAttribute("roomUnknown", true));
		}
		return "concierge/meals";
	}

	@PostMapping("/menu")
	String menu(@PathVariable UUID cid, @RequestParam(defaultValue = "") String day,
			@RequestParam(defaultValue = "") String dishes, @RequestParam(defaultValue = "") String price,
			@RequestParam(defaultValue = "") String subsidy, RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, day, null), flash, request,
				Map.of("dishes", dishes, "price", price, "subsidy", subsidy), () -> this.meals.setMenu(cid, day,
						dishes, fen(price, "priceFen"), fen(subsidy, "subsidyFen"), staff),
				"menuSaved");
	}

	@PostMapping("/orders")
	String order(@PathVariable UUID cid, @RequestParam(defaultValue = "") String day,
			@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "false") boolean delivery,
			@RequestParam(defaultValue = "false") boolean subsidised, @RequestParam(defaultValue = "") String room,
			RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, day, room), flash, request, Map.of(), () -> this.meals.order(cid, staff,
				new Meals.Request(day, personId, delivery, subsidised)), "ordered");
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(defaultValue = "") String day,
			RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid, day, null), flash, request, Map.of(),
				() -> this.meals.cancel(cid, id, staff), "cancelled");
	}

	/** The kitchen list of the day, laid out for printing. */
	@GetMapping("/kitchen")
	String kitchen(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Model model) {
		this.access.requireOperator(cid);
		this.pages.community(cid, "meals", model);
		model.addAttribute("kitchen", this.meals.kitchenList(cid, day == null ? this.meals.today() : day));
		return "concierge/kitchen";
	}

	/** Prices typed in yuan ("15", "15.50"); a bad amount is a field error, never a rounding. */
	static Long fen(String yuan, String field) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return Money.ofYuan(yuan).fen();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw DomainException.invalid(field, "concierge.money.invalid");
		}
	}

	private static String path(UUID cid, String day, String room) {
		String query = day != null && day.matches("\\d{4}-\\d{2}-\\d{2}") ? "?day=" + day : "";
		if (room != null && !room.isBlank()) {
			query += (query.isEmpty() ? "?" : "&") + "room="
					+ java.net.URLEncoder.encode(room, java.nio.charset.StandardCharsets.UTF_8);
		}
		return "/console/communities/" + cid + "/concierge/meals" + query;
	}

}
