package org.linli.concierge.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.ConciergeSettings;
import org.linli.concierge.domain.Parcels;
import org.linli.shared.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The parcel counter: register arrivals (scanner or keyboard), hand over by pickup code, chase overdue parcels. */
@Controller
@RequestMapping("/console/communities/{cid}/concierge/parcels")
class ParcelsPageController {

	static final java.util.List<String> CARRIERS = java.util.List.of("顺丰速运", "中通快递", "圆通速递", "韵达快递",
			"申通快递", "京东物流", "中国邮政EMS", "极兔速递");

	private final ConciergeAccess access;

	private final Parcels parcels;

	private final ConciergeSettings settings;

	private final StationPages pages;

	ParcelsPageController(ConciergeAccess access, Parcels parcels, ConciergeSettings settings, StationPages pages) {
		this.access = access;
		this.parcels = parcels;
		this.settings = settings;
		this.pages = pages;
	}

	@GetMapping
	String list(@PathVariable UUID cid, @RequestParam(defaultValue = "WAITING") Parcels.View view,
			@RequestParam(defaultValue = "0") int page, Model model) {
		this.access.requireOperator(cid);
		this.pages.community(cid, "parcels", model);
		model.addAttribute("view", view);
		model.addAttribute("views", Parcels.View.values());
		model.addAttribute("parcels", this.parcels.list(cid, view, Paging.of(page, 50)));
		model.addAttribute("overdueCount", this.parcels.count(cid, Parcels.View.OVERDUE));
		model.addAttribute("overdueDays", this.settings.of(cid).parcelOverdueDays());
		model.addAttribute("carriers", CARRIERS);
		return "concierge/parcels";
	}

	@PostMapping
	String register(@PathVariable UUID cid, @RequestParam(defaultValue = "") String trackingNumber,
			@RequestParam(defaultValue = "") String carrier, @RequestParam(defaultValue = "") String room,
			@RequestParam(defaultValue = "") String shelf, RedirectAttributes flash, HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid), flash, request,
				Map.of("trackingNumber", trackingNumber, "carrier", carrier, "room", room, "shelf", shelf), () -> {
					Parcels.Registered registered = this.parcels.register(cid,
							new Parcels.Arrival(trackingNumber, carrier, null, room, shelf), staff);
					flash.addFlashAttribute("registeredParcel", registered.parcel());
					flash.addFlashAttribute("repeatScan", !registered.created());
					// keep the carrier for the next scan of the same courier's batch
					flash.addFlashAttribute("form", Map.of("carrier", carrier));
				}, "registered");
	}

	@PostMapping("/pickup")
	String pickUp(@PathVariable UUID cid, @RequestParam(defaultValue = "") String code, RedirectAttributes flash,
			HttpServletRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.pages.submit(path(cid), flash, request, Map.of("code", code),
				() -> flash.addFlashAttribute("handedOver", this.parcels.pickUp(cid, code, staff)),
				"pickedUp");
	}

	private static String path(UUID cid) {
		return "/console/communities/" + cid + "/concierge/parcels";
	}

}
