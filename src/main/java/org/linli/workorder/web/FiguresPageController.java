package org.linli.workorder.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.workorder.WorkOrderApi;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.WorkOrderAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Work-order figures: 15-minute response, resolved within target, average times, satisfaction, by group. */
@Controller
class FiguresPageController {

	private final WorkOrderApi api;

	private final WorkOrderAccess access;

	private final Categories categories;

	private final PageSupport support;

	private final Clock clock;

	FiguresPageController(WorkOrderApi api, WorkOrderAccess access, Categories categories, PageSupport support,
			Clock clock) {
		this.api = api;
		this.access = access;
		this.categories = categories;
		this.support = support;
		this.clock = clock;
	}

	@GetMapping("/console/work-orders/figures")
	String figures(@RequestParam(required = false) UUID cid, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		CurrentUser user = this.access.current();
		CommunitySummary community = this.support.community(user, cid);
		if (community == null) {
			throw new AccessDeniedException("no community");
		}
		this.access.requireFigures(community.id());
		YearMonth end = month(to, YearMonth.now(this.clock));
		YearMonth start = month(from, end.minusMonths(11));
		if (start.isAfter(end)) {
			start = end;
		}
		model.addAttribute("communities", this.support.communities(user));
		model.addAttribute("community", community);
		model.addAttribute("figures", this.api.figures(community.id(), start, end));
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.categories.list(community.id()).forEach(c -> names.put(c.code(), this.support.categoryName(c)));
		model.addAttribute("categoryNames", names);
		return "workorder/console-figures";
	}

	private static YearMonth month(String value, YearMonth fallback) {
		try {
			return value == null || value.isBlank() ? fallback : YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

}
