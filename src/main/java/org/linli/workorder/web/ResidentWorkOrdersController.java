package org.linli.workorder.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;
import org.linli.shared.web.RequestOutcome;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.Kind;
import org.linli.workorder.domain.Level;
import org.linli.workorder.domain.WorkOrder;
import org.linli.workorder.domain.WorkOrderAccess;
import org.linli.workorder.domain.WorkOrders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's repairs and complaints (/app): file one for their home or a common facility (chosen, or taken from
 * the code on its QR label), follow it with its deadlines, answer, confirm and rate, or reopen it.
 */
@Controller
@RequestMapping("/app/work-orders")
class ResidentWorkOrdersController {

	private final WorkOrders orders;

	private final Categories categories;

	private final WorkOrderAccess access;

	private final RegistryApi registry;

	private final PageSupport support;

	ResidentWorkOrdersController(WorkOrders orders, Categories categories, WorkOrderAccess access,
			RegistryApi registry, PageSupport support) {
		this.orders = orders;
		this.categories = categories;
		this.access = access;
		this.registry = registry;
		this.support = support;
	}

	@GetMapping
	String list(Model model) {
		CurrentUser user = this.access.current();
		UUID cid = this.support.residentCommunity(user);
		model.addAttribute("orders", cid == null ? List.of()
				: this.orders.list(cid, user, WorkOrders.Query.ALL, Paging.of(0, 50)).getContent());
		model.addAttribute("now", this.orders.now());
		return "workorder/app-list";
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) String asset, Model model) {
		CurrentUser user = this.access.current();
		UUID cid = this.support.residentCommunity(user);
		if (cid == null) {
			throw DomainException.notFound("workorder.room.none");
		}
		model.addAttribute("kind", "REPAIR");
		model.addAttribute("level", "NORMAL");
		if (asset != null && !asset.isBlank()) {
			this.registry.assetByCode(asset).filter(a -> a.communityId().equals(cid))
				.ifPresentOrElse(a -> model.addAttribute("assetId", a.id().toString()),
						() -> model.addAttribute("fieldErrors", java.util.Map.of("assetId",
								this.support.errors(DomainException.invalid("assetId", "workorder.asset.unknown"))
									.get("assetId"))));
		}
		return form(cid, user, model);
	}

	private String form(UUID cid, CurrentUser user, Model model) {
		model.addAttribute("categories", this.categories.list(cid).stream()
			.map(c -> new CategoryOption(c.code(), c.kind().name(), this.support.categoryName(c))).toList());
		model.addAttribute("levels", Level.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("rooms", this.registry.roomsOf(user.personId()).stream()
			.filter(r -> r.communityId().equals(cid)).toList());
		model.addAttribute("assets", this.registry.assets(cid));
		return "workorder/app-new";
	}

	record CategoryOption(String code, String kind, String name) {
	}

	@PostMapping
	String file(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "NORMAL") String level, @RequestParam(required = false) String place,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) List<MultipartFile> photos, Model model, HttpServletRequest request) {
		CurrentUser user = this.access.current();
		UUID cid = this.support.residentCommunity(user);
		if (cid == null) {
			throw DomainException.notFound("workorder.room.none");
		}
		// one choice for the place: "room:<id>" or "asset:<id>"
		UUID roomId = place != null && place.startsWith("room:") ? PageSupport.id(place.substring(5)) : null;
		UUID assetId = place != null && place.startsWith("asset:") ? PageSupport.id(place.substring(6)) : null;
		try {
			WorkOrder order = this.orders.file(cid, new WorkOrders.FileRequest(kind, category, level, roomId, assetId,
					description, null, null), PageSupport.uploads(photos), user);
			return "redirect:/app/work-orders/" + order.id() + "?filed";
		}
		catch (DomainException ex) {
			RequestOutcome.rejected(request);
			model.addAttribute("fieldErrors", this.support.errors(ex));
			model.addAttribute("kind", kind);
			model.addAttribute("category", category);
			model.addAttribute("level", level);
			model.addAttribute("place", place);
			model.addAttribute("description", description);
			return form(cid, user, model);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		CurrentUser user = this.access.current();
		WorkOrders.Detail detail = this.orders.detail(id, user);
		model.addAttribute("d", detail);
		model.addAttribute("o", detail.order());
		model.addAttribute("now", this.orders.now());
		model.addAttribute("reporter", WorkOrderAccess.isReporter(user, detail.order()));
		model.addAttribute("fee", detail.order().feeFen() == null ? null
				: org.linli.shared.money.Money.ofFen(detail.order().feeFen()).yuan());
		model.addAttribute("categoryName", this.categories.find(detail.order().communityId(), detail.order().category())
			.map(this.support::categoryName).orElse(detail.order().category()));
		return "workorder/app-detail";
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable UUID id, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.confirm(id, rating, comment, user));
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.reopen(id, reason, user));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.resume(id, user));
	}

	@PostMapping("/{id}/photos")
	String photos(@PathVariable UUID id, @RequestParam(required = false) List<MultipartFile> photos,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.addPhotos(id, PageSupport.uploads(photos), user));
	}

	private String step(UUID id, RedirectAttributes redirect, HttpServletRequest request,
			java.util.function.Consumer<CurrentUser> action) {
		return this.support.step("/app/work-orders/" + id, this.access.current(), redirect, request, action);
	}

}
