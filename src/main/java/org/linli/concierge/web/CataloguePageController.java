package org.linli.concierge.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.ConciergeSettings;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff keep the catalogue (add, change, take out of service) and managers the station's settings. */
@Controller
@RequestMapping("/console/communities/{cid}/concierge")
class CataloguePageController {

	private final ConciergeAccess access;

	private final Catalogue catalogue;

	private final ConciergeSettings settings;

	private final StationPages pages;

	CataloguePageController(ConciergeAccess access, Catalogue catalogue, ConciergeSettings settings,
			StationPages pages) {
		this.access = access;
		this.catalogue = catalogue;
		this.settings = settings;
		this.pages = pages;
	}

	@GetMapping("/catalogue")
	String list(@PathVariable UUID cid, @RequestParam(required = false) UUID edit, Model model) {
		this.access.requireOperator(cid);
		this.pages.community(cid, "catalogue", model);
		model.addAttribute("categories", this.catalogue.categories(cid));
		model.addAttribute("services", this.catalogue.services(cid, true));
		if (edit != null && !model.containsAttribute("form")) {
			Catalogue.ServiceItem s = this.catalogue.require(cid, edit);
			model.addAttribute("form", Map.ofEntries(Map.entry("categoryCode", s.categoryCode()),
					Map.entry("code", s.code()), Map.entry("name", s.name()), Map.entry("provider", s.provider()),
					Map.entry("price", s.price().toString()), Map.entry("priceUnit", s.priceUnit()),
					Map.entry("opensAt", s.opensAt().toString()), Map.entry("closesAt", s.closesAt().toString()),
					Map.entry("bookable", s.bookable()), Map.entry("slotMinutes", String.valueOf(s.slotMinutes())),
					Map.entry("slotCapacity", String.valueOf(s.slotCapacity())), Map.entry("active", s.active()),
					Map.entry("version", String.valueOf(s.version()))));
		}
		model.addAttribute("edit", edit);
		return "concierge/catalogue";
	}

	/** Adds a service, or changes the one named by {@code id} at the version the form was read. */
	@PostMapping("/catalogue")
	String save(@PathVariable UUID cid, @RequestParam(required = false) UUID id,
			@RequestParam(defaultValue = "0") int version, @RequestParam(defaultValue = "") String categoryCode,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String provider, @RequestParam(defaultValue = "") String price,
			@RequestParam(defaultValue = "") String priceUnit, @RequestParam(defaultValue = "") String opensAt,
			@RequestParam(defaultValue = "") String closesAt, @RequestParam(defaultValue = "false") boolean bookable,
			@RequestParam(required = false) Integer slotMinutes, @RequestParam(required = false) Integer slotCapacity,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes flash,
			HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		Map<String, Object> form = Map.ofEntries(Map.entry("categoryCode", categoryCode), Map.entry("code", code),
				Map.entry("name", name), Map.entry("provider", provider), Map.entry("price", price),
				Map.entry("priceUnit", priceUnit), Map.entry("opensAt", opensAt), Map.entry("closesAt", closesAt),
				Map.entry("bookable", bookable), Map.entry("slotMinutes", String.valueOf(slotMinutes)),
				Map.entry("slotCapacity", String.valueOf(slotCapacity)), Map.entry("active", active),
				Map.entry("version", String.valueOf(version)));
		String back = "/console/communities/" + cid + "/concierge/catalogue" + (id == null ? "" : "?edit=" + id);
		try {
			Catalogue.ServiceForm service = new Catalogue.ServiceForm(categoryCode, code, name, provider,
					MealsPageController.fen(price, "price"), priceUnit, opensAt, closesAt, bookable, slotMinutes,
					slotCapacity, active);
			if (id == null) {
				this.catalogue.create(cid, service, staff.username());
			}
			else {
				this.catalogue.update(cid, id, service, version, staff.username());
			}
			flash.addFlashAttribute("saved", true);
			return "redirect:/console/communities/" + cid + "/concierge/catalogue";
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("fieldErrors", this.pages.errors(ex));
			flash.addFlashAttribute("form", form);
			org.linli.shared.web.RequestOutcome.rejected(request);
			return "redirect:" + back;
		}
	}

	@GetMapping("/settings")
	String settings(@PathVariable UUID cid, Model model) {
		this.access.requireManager(cid);
		this.pages.community(cid, "settings", model);
		model.addAttribute("settings", this.settings.of(cid));
		return "concierge/settings";
	}

	@PostMapping("/settings")
	String saveSettings(@PathVariable UUID cid, @RequestParam(required = false) Integer cancelHours,
			@RequestParam(required = false) Integer parcelOverdueDays,
			@RequestParam(required = false) Integer mealCapacity, @RequestParam(defaultValue = "0") int version,
			RedirectAttributes flash, HttpServletRequest request) {
		Caller manager = this.access.requireManager(cid);
		return this.pages.submit("/console/communities/" + cid + "/concierge/settings", flash, request, Map.of(),
				() -> this.settings.update(cid, cancelHours, parcelOverdueDays, mealCapacity, version,
						manager.username()),
				"saved");
	}

}
