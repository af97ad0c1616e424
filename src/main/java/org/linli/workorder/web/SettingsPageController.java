package org.linli.workorder.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.RequestOutcome;
import org.linli.shared.web.Violations;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.CommunitySettings;
import org.linli.workorder.domain.Level;
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

/**
 * The manager's work-order settings (工单设置): each category's targets and skill, the EMERGENCY and URGENT targets,
 * the delay before the manager hears of a late order, the automatic closing, and the technicians' skills. Every form
 * carries the version it shows: a form saved after another manager's change is refused and shows their values.
 */
@Controller
@RequestMapping("/console/work-orders/settings")
class SettingsPageController {

	/** The technician row of the page, skills as typed. */
	record TechnicianRow(UUID id, String displayName, String username, String skills) {
	}

	private final Categories categories;

	private final CommunitySettings settings;

	private final WorkOrders orders;

	private final WorkOrderAccess access;

	private final PageSupport support;

	private final AuditApi audit;

	SettingsPageController(Categories categories, CommunitySettings settings, WorkOrders orders,
			WorkOrderAccess access, PageSupport support, AuditApi audit) {
		this.categories = categories;
		this.settings = settings;
		this.orders = orders;
		this.access = access;
		this.support = support;
		this.audit = audit;
	}

	@GetMapping
	String page(@RequestParam(required = false) UUID cid, Model model) {
		CurrentUser user = this.access.current();
		CommunitySummary community = this.support.community(user, cid);
		if (community == null) {
			throw new AccessDeniedException("no community");
		}
		this.access.requireManager(community.id());
		return show(user, community, model);
	}

	@PostMapping("/categories/{code}")
	String category(@RequestParam UUID cid, @PathVariable String code,
			@RequestParam(defaultValue = "") String acknowledgeMinutes,
			@RequestParam(defaultValue = "") String resolveMinutes, @RequestParam(required = false) String skill,
			@RequestParam int version, Model model, HttpServletRequest request) {
		return save(cid, "category:" + code, model, request, Map.of("acknowledgeMinutes", acknowledgeMinutes,
				"resolveMinutes", resolveMinutes, "skill", skill == null ? "" : skill), () -> {
					Violations violations = new Violations();
					Integer ack = minutes(acknowledgeMinutes, "acknowledgeMinutes", violations);
					Integer resolve = minutes(resolveMinutes, "resolveMinutes", violations);
					violations.throwIfAny();
					this.categories.changeTargets(cid, code, ack, resolve, skill, version);
					return "category " + code + " " + ack + "/" + resolve + " min, skill " + skill;
				});
	}

	@PostMapping("/levels/{level}")
	String level(@RequestParam UUID cid, @PathVariable String level,
			@RequestParam(defaultValue = "") String acknowledgeMinutes,
			@RequestParam(defaultValue = "") String resolveMinutes, @RequestParam int version,
			Model model, HttpServletRequest request) {
		return save(cid, "level:" + level, model, request,
				Map.of("acknowledgeMinutes", acknowledgeMinutes, "resolveMinutes", resolveMinutes), () -> {
					Level parsed = Arrays.stream(Level.values()).filter(l -> l.name().equals(level)).findFirst()
						.orElseThrow(() -> DomainException.invalid("level", "workorder.level.invalid"));
					Violations violations = new Violations();
					Integer ack = minutes(acknowledgeMinutes, "acknowledgeMinutes", violations);
					Integer resolve = minutes(resolveMinutes, "resolveMinutes", violations);
					violations.throwIfAny();
					this.categories.changeLevelTarget(cid, parsed, ack, resolve, version);
					return "level " + level + " " + ack + "/" + resolve + " min";
				});
	}

	@PostMapping("/general")
	String general(@RequestParam UUID cid, @RequestParam(defaultValue = "") String managerAfterMinutes,
			@RequestParam(defaultValue = "") String autoCloseHours, @RequestParam int version,
			Model model, HttpServletRequest request) {
		return save(cid, "general", model, request,
				Map.of("managerAfterMinutes", managerAfterMinutes, "autoCloseHours", autoCloseHours), () -> {
					// not a number is as wrong as out of range: the domain reports both fields together
					Integer manager = number(managerAfterMinutes, "managerAfterMinutes", null, null);
					Integer hours = number(autoCloseHours, "autoCloseHours", null, null);
					this.settings.change(cid, manager, hours, version);
					return "manager after " + manager + " min, auto-close after " + hours + " h";
				});
	}

	@PostMapping("/technicians/{accountId}")
	String technician(@RequestParam UUID cid, @PathVariable UUID accountId,
			@RequestParam(defaultValue = "") String skills, Model model, HttpServletRequest request) {
		return save(cid, "technician:" + accountId, model, request, Map.of("skills", skills), () -> {
			if (this.orders.technicians(cid).stream().noneMatch(t -> t.id().equals(accountId))) {
				throw DomainException.notFound("workorder.technician.unknown");
			}
			this.categories.setSkills(cid, accountId, Arrays.asList(skills.split("[,，\\s]+")));
			return "skills of " + accountId + ": " + skills;
		});
	}

	/**
	 * Saves one form and goes back to the page; a refusal shows the page again with the form as typed and the
	 * translated errors beside its fields ({@code row} says which form they belong to).
	 */
	private String save(UUID cid, String row, Model model, HttpServletRequest request, Map<String, String> typed,
			java.util.function.Supplier<String> change) {
		CurrentUser user = this.access.requireManager(cid);
		try {
			String detail = change.get();
			this.audit.record(new AuditRecord(user.getUsername(), "WORK_ORDER_SETTINGS", "community:" + cid,
					AuditRecord.Result.SUCCESS, null, detail));
			return "redirect:/console/work-orders/settings?cid=" + cid + "&saved=" + row;
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			RequestOutcome.rejected(request);
			model.addAttribute("fieldErrors", this.support.errors(ex));
			model.addAttribute("errorRow", row);
			// a stale form shows the values saved meanwhile; an invalid one keeps what was typed
			if (ex.status().value() != 409) {
				model.addAttribute("typed", typed);
			}
			return show(user, this.support.community(user, cid), model);
		}
	}

	private String show(CurrentUser user, CommunitySummary community, Model model) {
		UUID cid = community.id();
		Map<UUID, List<String>> skills = this.categories.skills(cid);
		model.addAttribute("communities", this.support.communities(user).stream()
			.filter(c -> WorkOrderAccess.isManager(user, c.id())).toList());
		model.addAttribute("community", community);
		model.addAttribute("categories", this.categories.list(cid));
		model.addAttribute("categoryNames", this.categories.list(cid).stream()
			.collect(java.util.stream.Collectors.toMap(Categories.Category::code, this.support::categoryName)));
		model.addAttribute("levels", this.categories.levels(cid));
		model.addAttribute("settings", this.settings.of(cid));
		model.addAttribute("technicians", this.orders.technicians(cid).stream()
			.map(t -> new TechnicianRow(t.id(), t.displayName(), t.username(),
					String.join(", ", skills.getOrDefault(t.id(), List.of()))))
			.toList());
		return "workorder/console-settings";
	}

	/** Minutes as typed: a whole number, else a field error (the range is the domain's to judge). */
	private static Integer minutes(String value, String field, Violations violations) {
		return number(value, field, "workorder.target.notNumber", violations);
	}

	private static Integer number(String value, String field, String code, Violations violations) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			if (violations != null) {
				violations.require(false, field, code);
			}
			return null;
		}
	}

}
