package org.linli.billing.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.BillingApi;
import org.linli.billing.domain.Arrears;
import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillRuns;
import org.linli.billing.domain.BillableRooms;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.FeeItems;
import org.linli.billing.domain.MaintenanceFund;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of billing: the compounds compared (street/district view), a compound's figures with the trend chart,
 * fee items, and bill runs (preview, then confirm).
 */
@Controller
class BillingPagesController {

	/** One compound's line in the comparison. */
	record CompoundRate(CommunitySummary community, BillQueries.Rate rate) {
	}

	private final BillingAccess access;

	private final RegistryApi registry;

	private final BillQueries queries;

	private final FeeItems feeItems;

	private final BillRuns runs;

	private final Arrears arrears;

	private final BillableRooms rooms;

	private final MaintenanceFund fund;

	private final BillingAudit audit;

	private final PageForms forms;

	private final Clock clock;

	BillingPagesController(BillingAccess access, RegistryApi registry, BillQueries queries, FeeItems feeItems,
			BillRuns runs, Arrears arrears, BillableRooms rooms, MaintenanceFund fund, BillingAudit audit,
			PageForms forms, Clock clock) {
		this.access = access;
		this.registry = registry;
		this.queries = queries;
		this.feeItems = feeItems;
		this.runs = runs;
		this.arrears = arrears;
		this.rooms = rooms;
		this.fund = fund;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	/** Every compound the account serves, compared by collection rate for a month (the street office's view). */
	@GetMapping("/console/billing")
	String compounds(@RequestParam(required = false) String period, Model model) {
		CurrentUser user = this.access.current();
		if (!user.hasAnyRole(BillingAccess.FIGURE_READERS)) {
			throw new AccessDeniedException("billing figures");
		}
		String month = month(period);
		List<CommunitySummary> communities = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		List<CompoundRate> rates = communities.stream()
			.filter(c -> CommunityAccess.allows(user, c.id()))
			.limit(200)
			.map(c -> new CompoundRate(c, this.queries.collectionRate(c.id(), month)))
			.toList();
		model.addAttribute("period", month);
		model.addAttribute("rates", rates);
		model.addAttribute("chartNames", rates.stream().map(r -> r.community().name()).toList());
		model.addAttribute("chartValues", rates.stream().map(r -> r.rate().rate().movePointRight(2)).toList());
		model.addAttribute("target", BillingApi.COLLECTION_TARGET);
		model.addAttribute("mayRunMany", user.hasAnyRole(BillingAccess.KEEPERS));
		return "billing/compounds";
	}

	@GetMapping("/console/communities/{cid}/billing")
	String overview(@PathVariable UUID cid, @RequestParam(required = false) String period, Model model) {
		this.access.requireFigures(cid);
		String month = month(period);
		model.addAttribute("community", community(cid));
		model.addAttribute("period", month);
		model.addAttribute("mayKeep", this.access.mayKeep(cid));
		model.addAttribute("rate", this.queries.collectionRate(cid, month));
		model.addAttribute("buildings", this.queries.byBuilding(cid, month));
		List<BillQueries.Rate> trend = this.queries.trend(cid, Period.parse(month).month(), 12);
		model.addAttribute("trendPeriods", trend.stream().map(BillQueries.Rate::period).toList());
		model.addAttribute("trendValues", trend.stream().map(r -> r.rate().movePointRight(2)).toList());
		model.addAttribute("target", BillingApi.COLLECTION_TARGET);
		model.addAttribute("buckets", this.arrears.buckets(cid));
		model.addAttribute("fund", this.fund.summary(cid));
		return "billing/overview";
	}

	@GetMapping("/console/communities/{cid}/billing/fee-items")
	String feeItems(@PathVariable UUID cid, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("items", this.feeItems.list(cid));
		model.addAttribute("kinds", List.of("AREA_RATE", "FIXED", "PARKING", "METERED"));
		model.addAttribute("uses", FeeItems.USES.stream().sorted().toList());
		var buildings = this.rooms.buildings(cid);
		if (buildings.isEmpty()) {
			this.rooms.refresh(cid);
			buildings = this.rooms.buildings(cid);
		}
		model.addAttribute("buildings", buildings);
		model.addAttribute("buildingNames", buildings.stream()
			.collect(java.util.stream.Collectors.toMap(BillableRooms.Building::id, BillableRooms.Building::name)));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "billing/fee-items";
	}

	@PostMapping("/console/communities/{cid}/billing/fee-items")
	String createFeeItem(@PathVariable UUID cid, @RequestParam String code, @RequestParam String name,
			@RequestParam String kind, @RequestParam(defaultValue = "MONTH") String cycle,
			@RequestParam(defaultValue = "") String price, @RequestParam(required = false) String meterKind,
			@RequestParam(required = false) LocalDate effectiveFrom, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/fee-items",
				"billing.fee.created", () -> {
					UUID id = this.feeItems.create(cid, new FeeItems.NewItem(code, name, kind, cycle, fen(price, "price"),
							"METERED".equals(kind) ? meterKind : null, effectiveFrom, null));
					this.audit.record(user, "FEE_ITEM", "feeItem/" + id, code + " " + price);
				});
	}

	@PostMapping("/console/communities/{cid}/billing/fee-items/{id}/rates")
	String rate(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String price, RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/fee-items",
				"billing.rate.saved", () -> {
					boolean building = target.startsWith("B:");
					String value = target.length() > 2 ? target.substring(2) : null;
					this.feeItems.setRate(cid, id, building ? null : value,
							building && value != null ? UUID.fromString(value) : null, fen(price, "price"));
				});
	}

	@PostMapping("/console/communities/{cid}/billing/fee-items/{id}/end")
	String end(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) LocalDate until,
			RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/fee-items",
				"billing.fee.ended", () -> this.feeItems.end(cid, id, until));
	}

	@GetMapping("/console/communities/{cid}/billing/runs")
	String runs(@PathVariable UUID cid, @RequestParam(required = false) String period, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("period", period == null ? YearMonth.now(this.clock).toString() : period);
		if (period != null) {
			model.addAttribute("preview", this.runs.preview(cid, Period.parse(period)));
		}
		model.addAttribute("history", this.runs.history(cid, 20));
		return "billing/runs";
	}

	@PostMapping("/console/communities/{cid}/billing/runs")
	String run(@PathVariable UUID cid, @RequestParam String period, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/runs", "billing.run.done",
				() -> {
					BillRuns.Result r = this.runs.run(cid, Period.parse(period), user.getUsername());
					this.audit.recordRuns(user, List.of(cid), List.of(r));
					redirect.addFlashAttribute("result", r);
				});
	}

	static Long fen(String yuan, String field) {
		try {
			return org.linli.shared.money.Money.ofYuan(yuan).fen();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw DomainException.invalid(field, "billing.amount.invalid");
		}
	}

	private String month(String period) {
		return period == null || period.isBlank() ? YearMonth.now(this.clock).toString() : Period.parse(period).text();
	}

	private CommunitySummary community(UUID cid) {
		return this.registry.summaries(List.of(cid)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.community.notFound"));
	}

}
