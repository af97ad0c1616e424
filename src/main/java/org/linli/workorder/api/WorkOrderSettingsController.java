package org.linli.workorder.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.workorder.WorkOrderApi;
import org.linli.workorder.WorkOrderFigures;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.Level;
import org.linli.workorder.domain.WorkOrderAccess;
import org.linli.workorder.domain.WorkOrders;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work-order settings of a community (categories, level targets, technicians' skills) and its figures. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class WorkOrderSettingsController {

	record CategoryJson(String code, String name, String kind, int acknowledgeMinutes, int resolveMinutes,
			String skill) {
	}

	record TargetChange(Integer acknowledgeMinutes, Integer resolveMinutes, String skill) {
	}

	record LevelJson(String level, int acknowledgeMinutes, int resolveMinutes) {
	}

	record TechnicianJson(String id, String username, String displayName, List<String> skills) {
	}

	record Skills(List<String> skills) {
	}

	private final Categories categories;

	private final WorkOrders orders;

	private final WorkOrderAccess access;

	private final WorkOrderApi api;

	private final MessageSource messages;

	private final java.time.Clock clock;

	WorkOrderSettingsController(Categories categories, WorkOrders orders, WorkOrderAccess access, WorkOrderApi api,
			MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.categories = categories;
		this.orders = orders;
		this.access = access;
		this.api = api;
		this.messages = messages;
	}

	@GetMapping("/work-order-categories")
	List<CategoryJson> categories(@PathVariable UUID cid) {
		this.access.requireCommunity(cid);
		Locale locale = LocaleContextHolder.getLocale();
		return this.categories.list(cid).stream().map(c -> json(c, locale)).toList();
	}

	@PutMapping("/work-order-categories/{code}")
	CategoryJson changeCategory(@PathVariable UUID cid, @PathVariable String code, @RequestBody TargetChange change) {
		this.access.requireManager(cid);
		return json(this.categories.changeTargets(cid, code, change.acknowledgeMinutes(), change.resolveMinutes(),
				change.skill()), LocaleContextHolder.getLocale());
	}

	@GetMapping("/work-order-levels")
	List<LevelJson> levels(@PathVariable UUID cid) {
		this.access.requireCommunity(cid);
		return this.categories.levelTargets(cid).entrySet().stream()
			.map(e -> new LevelJson(e.getKey().name(), e.getValue().acknowledgeMinutes(), e.getValue().resolveMinutes()))
			.toList();
	}

	@PutMapping("/work-order-levels/{level}")
	List<LevelJson> changeLevel(@PathVariable UUID cid, @PathVariable String level, @RequestBody TargetChange change) {
		this.access.requireManager(cid);
		Level parsed;
		try {
			parsed = Level.valueOf(level);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("level", "workorder.level.invalid");
		}
		this.categories.changeLevelTarget(cid, parsed, change.acknowledgeMinutes(), change.resolveMinutes());
		return levels(cid);
	}

	@GetMapping("/technicians")
	List<TechnicianJson> technicians(@PathVariable UUID cid) {
		this.access.requireDesk(cid);
		Map<UUID, List<String>> skills = this.categories.skills(cid);
		return this.orders.technicians(cid).stream()
			.map(t -> new TechnicianJson(t.id().toString(), t.username(), t.displayName(),
					skills.getOrDefault(t.id(), List.of())))
			.toList();
	}

	@PutMapping("/technicians/{accountId}/skills")
	List<TechnicianJson> skills(@PathVariable UUID cid, @PathVariable UUID accountId, @RequestBody Skills request) {
		this.access.requireManager(cid);
		if (this.orders.technicians(cid).stream().noneMatch(t -> t.id().equals(accountId))) {
			throw DomainException.notFound("workorder.technician.unknown");
		}
		this.categories.setSkills(cid, accountId, request.skills());
		return technicians(cid);
	}

	/** Figures over whole months, {@code from} and {@code to} as YYYY-MM (default: the last twelve months). */
	@GetMapping("/work-order-figures")
	WorkOrderFigures figures(@PathVariable UUID cid, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		this.access.requireFigures(cid);
		YearMonth end = month("to", to, YearMonth.now(this.clock));
		YearMonth start = month("from", from, end.minusMonths(11));
		if (start.isAfter(end)) {
			throw DomainException.invalid("from", "workorder.figures.range");
		}
		return this.api.figures(cid, start, end);
	}

	static YearMonth month(String field, String value, YearMonth fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field, "workorder.figures.month");
		}
	}

	private CategoryJson json(Categories.Category c, Locale locale) {
		String name = c.name() != null ? c.name() : this.messages.getMessage(c.nameKey(), null, c.code(), locale);
		return new CategoryJson(c.code(), name, c.kind().name(), c.acknowledgeMinutes(), c.resolveMinutes(), c.skill());
	}

}
