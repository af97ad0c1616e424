package org.linli.workorder.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;
import org.linli.shared.web.RequestOutcome;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.Kind;
import org.linli.workorder.domain.Level;
import org.linli.workorder.domain.Status;
import org.linli.workorder.domain.WorkOrder;
import org.linli.workorder.domain.WorkOrderAccess;
import org.linli.workorder.domain.WorkOrders;

import org.springframework.security.access.AccessDeniedException;
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
 * The work-order desk in the workbench: the list with live deadlines, filing for a resident who phoned or came in
 * (assisted), each order's steps, and the technician's own mobile-friendly list.
 */
@Controller
@RequestMapping("/console/work-orders")
class ConsoleWorkOrdersController {

	private final WorkOrders orders;

	private final Categories categories;

	private final WorkOrderAccess access;

	private final RegistryApi registry;

	private final PageSupport support;

	ConsoleWorkOrdersController(WorkOrders orders, Categories categories, WorkOrderAccess access, RegistryApi registry,
			PageSupport support) {
		this.orders = orders;
		this.categories = categories;
		this.access = access;
		this.registry = registry;
		this.support = support;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID cid, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = this.access.current();
		CommunitySummary community = this.support.community(user, cid);
		model.addAttribute("communities", this.support.communities(user));
		model.addAttribute("community", community);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("overdue", overdue);
		model.addAttribute("now", this.orders.now());
		if (community == null) {
			model.addAttribute("orders", org.springframework.data.domain.Page.empty());
			return "workorder/console-list";
		}
		this.access.requireCommunity(community.id());
		Set<Status> statuses = status == null || status.isBlank() ? null : Set.of(parse(Status.class, status));
		Kind parsedKind = kind == null || kind.isBlank() ? null : parse(Kind.class, kind);
		model.addAttribute("desk", WorkOrderAccess.isDesk(user, community.id()));
		model.addAttribute("orders", this.orders.list(community.id(), user,
				new WorkOrders.Query(statuses, parsedKind, false, overdue), Paging.of(page, 50)));
		model.addAttribute("categoryNames", categoryNames(community.id()));
		return "workorder/console-list";
	}

	/** The technician's page: their open orders first, big buttons, fit for a phone. */
	@GetMapping("/mine")
	String mine(@RequestParam(required = false) UUID cid, Model model) {
		CurrentUser user = this.access.current();
		CommunitySummary community = this.support.community(user, cid);
		model.addAttribute("community", community);
		model.addAttribute("now", this.orders.now());
		model.addAttribute("open", community == null ? List.of()
				: this.orders.list(community.id(), user, new WorkOrders.Query(Status.OPEN, null, true, false),
						Paging.of(0, 100)).getContent());
		model.addAttribute("done", community == null ? List.of()
				: this.orders.list(community.id(), user,
						new WorkOrders.Query(Set.of(Status.RESOLVED, Status.CLOSED), null, true, false), Paging.of(0, 20))
					.getContent());
		model.addAttribute("categoryNames", community == null ? java.util.Map.of() : categoryNames(community.id()));
		return "workorder/console-mine";
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) UUID cid, Model model) {
		CurrentUser user = this.access.current();
		CommunitySummary community = this.support.community(user, cid);
		if (community == null) {
			throw new AccessDeniedException("no community");
		}
		this.access.requireDesk(community.id());
		model.addAttribute("kind", "REPAIR");
		model.addAttribute("level", "NORMAL");
		return form(community, model);
	}

	private String form(CommunitySummary community, Model model) {
		model.addAttribute("community", community);
		model.addAttribute("categories", this.categories.list(community.id()).stream()
			.map(c -> new ResidentWorkOrdersController.CategoryOption(c.code(), c.kind().name(),
					this.support.categoryName(c)))
			.toList());
		model.addAttribute("levels", Level.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("rooms", this.registry.rooms(community.id()));
		model.addAttribute("assets", this.registry.assets(community.id()));
		return "workorder/console-new";
	}

	@PostMapping
	String file(@RequestParam UUID cid, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "NORMAL") String level,
			@RequestParam(required = false) String roomId, @RequestParam(required = false) String assetId,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) String contact,
			@RequestParam(required = false) List<MultipartFile> photos, Model model, HttpServletRequest request) {
		CurrentUser user = this.access.requireDesk(cid);
		try {
			WorkOrder order = this.orders.file(cid, new WorkOrders.FileRequest(kind, category, level,
					PageSupport.id(roomId), PageSupport.id(assetId), description, contact, null),
					PageSupport.uploads(photos), user);
			return "redirect:/console/work-orders/" + order.id();
		}
		catch (DomainException ex) {
			RequestOutcome.rejected(request);
			model.addAttribute("fieldErrors", this.support.errors(ex));
			model.addAttribute("kind", kind);
			model.addAttribute("category", category);
			model.addAttribute("level", level);
			model.addAttribute("roomId", roomId);
			model.addAttribute("assetId", assetId);
			model.addAttribute("description", description);
			model.addAttribute("contact", contact);
			return form(this.support.community(user, cid), model);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		CurrentUser user = this.access.current();
		WorkOrders.Detail detail = this.orders.detail(id, user);
		WorkOrder o = detail.order();
		boolean desk = WorkOrderAccess.isDesk(user, o.communityId());
		model.addAttribute("d", detail);
		model.addAttribute("o", o);
		model.addAttribute("now", this.orders.now());
		model.addAttribute("desk", desk);
		model.addAttribute("fee", detail.order().feeFen() == null ? null
				: org.linli.shared.money.Money.ofFen(detail.order().feeFen()).yuan());
		model.addAttribute("worker", desk || WorkOrderAccess.isAssignee(user, o));
		model.addAttribute("technicians", desk ? this.orders.technicians(o.communityId()) : List.of());
		model.addAttribute("categoryName", categoryNames(o.communityId()).getOrDefault(o.category(), o.category()));
		model.addAttribute("technicianView", user.hasRole(Role.TECHNICIAN) && !desk);
		return "workorder/console-detail";
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.acknowledge(id, user));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable UUID id, @RequestParam(required = false) String technicianId,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.assign(id, PageSupport.id(technicianId), user));
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.start(id, user));
	}

	@PostMapping("/{id}/progress")
	String progress(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(id, redirect, request,
				user -> this.orders.progress(id, note, PageSupport.uploads(photos), user));
	}

	@PostMapping("/{id}/wait")
	String waitForResident(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.waitForResident(id, note, user));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.resume(id, user));
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String materials, @RequestParam(required = false) String fee,
			@RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.resolve(id, note, materials, PageSupport.feeFen(fee),
				PageSupport.uploads(photos), user));
	}

	@PostMapping("/{id}/return-visit")
	String returnVisit(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(id, redirect, request, user -> this.orders.returnVisit(id, note, user));
	}

	private String step(UUID id, RedirectAttributes redirect, HttpServletRequest request,
			java.util.function.Consumer<CurrentUser> action) {
		return this.support.step("/console/work-orders/" + id, this.access.current(), redirect, request, action);
	}

	private java.util.Map<String, String> categoryNames(UUID cid) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (Categories.Category c : this.categories.list(cid)) {
			names.put(c.code(), this.support.categoryName(c));
		}
		return names;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("status", "workorder.status.invalid");
		}
	}

}
