package org.linli.billing.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillRuns;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.Period;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bill runs and collection rates (API.md "Billing"). */
@RestController
class BillRunsController {

	record RunRequest(String period) {
	}

	record ManyRequest(String period, List<String> communityIds) {
	}

	record RunView(String period, int bills, long totalFen, int created) {
	}

	record CommunityRun(UUID communityId, String period, int bills, long totalFen, int created) {
	}

	private final BillRuns runs;

	private final BillQueries queries;

	private final BillingAccess access;

	private final BillingAudit audit;

	BillRunsController(BillRuns runs, BillQueries queries, BillingAccess access, BillingAudit audit) {
		this.runs = runs;
		this.queries = queries;
		this.access = access;
		this.audit = audit;
	}

	/** Runs the period; the same period again creates nothing and answers the same counts. */
	@PostMapping("/api/v1/communities/{cid}/bill-runs")
	RunView run(@PathVariable UUID cid, @RequestBody RunRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		BillRuns.Result result = this.runs.run(cid, Period.parse(request.period()), user.getUsername());
		this.audit.recordRuns(user, List.of(cid), List.of(result));
		return new RunView(result.period(), result.bills(), result.totalFen(), result.created());
	}

	/** What a run would create, nothing written. */
	@PostMapping("/api/v1/communities/{cid}/bill-runs/preview")
	BillRuns.Result preview(@PathVariable UUID cid, @RequestBody RunRequest request) {
		this.access.requireKeeper(cid);
		return this.runs.preview(cid, Period.parse(request.period()));
	}

	/** One period for many compounds in one transaction (ADR 0007), e.g. a whole district; one audit record each. */
	@PostMapping("/api/v1/bill-runs")
	List<CommunityRun> runMany(@RequestBody ManyRequest request) {
		Period period = Period.parse(request.period());
		if (request.communityIds() == null || request.communityIds().isEmpty()) {
			throw DomainException.invalid("communityIds", "billing.run.communities");
		}
		List<UUID> ids = request.communityIds().stream().map(Views::id).toList();
		ids.forEach(this.access::requireKeeper);
		CurrentUser user = this.access.current();
		List<BillRuns.Result> results = this.runs.runMany(ids, period, user.getUsername());
		this.audit.recordRuns(user, ids, results);
		List<CommunityRun> runs = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			BillRuns.Result r = results.get(i);
			runs.add(new CommunityRun(ids.get(i), r.period(), r.bills(), r.totalFen(), r.created()));
		}
		return runs;
	}

	@GetMapping("/api/v1/communities/{cid}/collection-rate")
	Views.RateView collectionRate(@PathVariable UUID cid, @RequestParam String period) {
		this.access.requireFigures(cid);
		return Views.RateView.of(this.queries.collectionRate(cid, Period.parse(period).text()));
	}

	@GetMapping("/api/v1/communities/{cid}/collection-rate/buildings")
	List<Map<String, Object>> byBuilding(@PathVariable UUID cid, @RequestParam String period) {
		this.access.requireFigures(cid);
		return this.queries.byBuilding(cid, Period.parse(period).text())
			.stream()
			.map(b -> Map.<String, Object>of("buildingId", b.buildingId(), "building", b.building(), "billedFen",
					b.rate().billedFen(), "paidFen", b.rate().paidFen(), "rate", b.rate().rate()))
			.toList();
	}

	@GetMapping("/api/v1/communities/{cid}/collection-rate/trend")
	List<Views.RateView> trend(@PathVariable UUID cid, @RequestParam String period,
			@RequestParam(defaultValue = "12") int months) {
		this.access.requireFigures(cid);
		Period last = Period.parse(period);
		return this.queries.trend(cid, last.month(), Math.clamp(months, 1, 36)).stream().map(Views.RateView::of).toList();
	}

}
