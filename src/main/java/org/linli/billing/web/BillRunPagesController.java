package org.linli.billing.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.domain.BillRuns;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.Period;
import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One period's bill run for several compounds at once (多小区批量出账), for the platform administrator and for
 * property staff serving several compounds: pick compounds, preview per compound, confirm; the result per compound.
 * Every compound picked is checked against the account's scope and keeper role.
 */
@Controller
class BillRunPagesController {

	/** One compound's line of a preview or of a run's result. */
	record CompoundLine(CommunitySummary community, BillRuns.Result result) {
	}

	private final BillingAccess access;

	private final RegistryApi registry;

	private final BillRuns runs;

	private final BillingAudit audit;

	private final PageForms forms;

	private final Clock clock;

	BillRunPagesController(BillingAccess access, RegistryApi registry, BillRuns runs, BillingAudit audit,
			PageForms forms, Clock clock) {
		this.access = access;
		this.registry = registry;
		this.runs = runs;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/console/billing/runs")
	String page(@RequestParam(required = false) String period,
			@RequestParam(name = "communityIds", required = false) List<UUID> picked, Model model) {
		CurrentUser user = keeper();
		List<CommunitySummary> compounds = compounds(user);
		model.addAttribute("compounds", compounds);
		model.addAttribute("period", period == null || period.isBlank() ? YearMonth.now(this.clock).toString() : period);
		List<UUID> ids = picked == null ? List.of() : List.copyOf(new LinkedHashSet<>(picked));
		model.addAttribute("picked", ids);
		if (period != null && !period.isBlank() && !ids.isEmpty()) {
			Period p = Period.parse(period);
			ids.forEach(this.access::requireKeeper);
			List<CompoundLine> lines = new ArrayList<>();
			for (UUID id : ids) {
				lines.add(new CompoundLine(name(compounds, id), this.runs.preview(id, p)));
			}
			model.addAttribute("preview", lines);
			model.addAttribute("previewPeriod", p.text());
			model.addAttribute("previewBills", lines.stream().mapToInt(l -> l.result().created()).sum());
			model.addAttribute("previewFen", lines.stream().mapToLong(l -> l.result().totalFen()).sum());
		}
		return "billing/run-many";
	}

	@PostMapping("/console/billing/runs")
	String run(@RequestParam String period, @RequestParam(name = "communityIds", required = false) List<UUID> picked,
			RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = keeper();
		List<UUID> ids = picked == null ? List.of() : List.copyOf(new LinkedHashSet<>(picked));
		ids.forEach(this.access::requireKeeper);
		return this.forms.run(redirect, request, "/console/billing/runs", "billing.runMany.done", () -> {
			if (ids.isEmpty()) {
				throw DomainException.invalid("communityIds", "billing.run.communities");
			}
			List<BillRuns.Result> results = this.runs.runMany(ids, Period.parse(period), user.getUsername());
			List<CommunitySummary> compounds = compounds(user);
			this.audit.recordRuns(user, ids, results);
			List<CompoundLine> lines = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				lines.add(new CompoundLine(name(compounds, ids.get(i)), results.get(i)));
			}
			redirect.addFlashAttribute("results", lines);
		});
	}

	/** Compounds the account keeps the books of: every compound for the platform administrator. */
	private List<CommunitySummary> compounds(CurrentUser user) {
		List<CommunitySummary> all = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(List.copyOf(user.communityIds()));
		return all.stream().filter(c -> CommunityAccess.allows(user, c.id())).toList();
	}

	private CurrentUser keeper() {
		CurrentUser user = this.access.current();
		if (!user.hasAnyRole(BillingAccess.KEEPERS)) {
			throw new AccessDeniedException("bill runs");
		}
		return user;
	}

	private static CommunitySummary name(List<CommunitySummary> compounds, UUID id) {
		return compounds.stream().filter(c -> c.id().equals(id)).findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.community.notFound"));
	}

}
