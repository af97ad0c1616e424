package org.linli.billing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.domain.BillableRooms;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.FeeItems;
import org.linli.billing.domain.ParkingSubscriptions;
import org.linli.identity.CurrentUser;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Monthly parking subscriptions of a compound (月租车位): list, subscribe a vehicle to a space, end. */
@Controller
@RequestMapping("/console/communities/{cid}/billing/parking")
class ParkingPagesController {

	private final BillingAccess access;

	private final RegistryApi registry;

	private final ParkingSubscriptions parking;

	private final FeeItems feeItems;

	private final BillableRooms rooms;

	private final BillingAudit audit;

	private final PageForms forms;

	private final Clock clock;

	ParkingPagesController(BillingAccess access, RegistryApi registry, ParkingSubscriptions parking,
			FeeItems feeItems, BillableRooms rooms, BillingAudit audit, PageForms forms, Clock clock) {
		this.access = access;
		this.registry = registry;
		this.parking = parking;
		this.feeItems = feeItems;
		this.rooms = rooms;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String list(@PathVariable UUID cid, @RequestParam(defaultValue = "false") boolean all, Model model) {
		this.access.requireKeeper(cid);
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("community", this.registry.summaries(List.of(cid)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.community.notFound")));
		model.addAttribute("all", all);
		model.addAttribute("subscriptions", this.parking.list(cid, all, 500));
		model.addAttribute("items", this.feeItems.list(cid).stream()
			.filter(i -> "PARKING".equals(i.kind()))
			.filter(i -> i.effectiveUntil() == null || !i.effectiveUntil().isBefore(today))
			.toList());
		model.addAttribute("today", today);
		return "billing/parking";
	}

	@PostMapping
	String create(@PathVariable UUID cid, @RequestParam(defaultValue = "") String room,
			@RequestParam(defaultValue = "") String plate, @RequestParam(defaultValue = "") String space,
			@RequestParam(required = false) UUID feeItemId, @RequestParam(required = false) LocalDate since,
			RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/parking",
				"billing.parking.created", () -> {
					UUID roomId = roomByLabel(cid, room);
					UUID id = this.parking.create(cid, roomId, feeItemId, plate, space, since, user.getUsername());
					this.audit.record(user, "PARKING_SUBSCRIPTION", "parkingSubscription/" + id,
							"room=" + roomId + " space=" + space.strip() + " since=" + since);
				});
	}

	@PostMapping("/{id}/end")
	String end(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) LocalDate until,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/parking",
				"billing.parking.ended", () -> {
					this.parking.end(cid, id, until, version, user.getUsername());
					this.audit.record(user, "PARKING_SUBSCRIPTION_ENDED", "parkingSubscription/" + id,
							"until=" + until);
				});
	}

	/** A room typed as the pages show it, e.g. {@code 1号楼 1-101}. */
	private UUID roomByLabel(UUID cid, String label) {
		String text = label.strip();
		if (text.isEmpty()) {
			throw DomainException.invalid("room", "billing.parking.room.invalid");
		}
		this.rooms.refresh(cid);
		return this.rooms.search(cid, text, 5).stream()
			.filter(r -> r.label().equals(text))
			.map(BillableRooms.Room::roomId)
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("room", "billing.parking.room.invalid"));
	}

}
