package org.linli.billing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.Arrears;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.PaymentPlans;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Arrears by ageing bucket, reminder notices and payment plans. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class ArrearsController {

	record ArrearsView(Arrears.Buckets buckets, long totalFen, List<Arrears.RoomArrears> rooms) {
	}

	record PlanRequest(Integer instalments, LocalDate firstDue) {
	}

	record CancelRequest(String reason, Integer version) {
	}

	private final Arrears arrears;

	private final BillingAccess access;

	private final BillingAudit audit;

	private final PaymentPlans plans;

	ArrearsController(Arrears arrears, BillingAccess access, BillingAudit audit, PaymentPlans plans) {
		this.arrears = arrears;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/arrears")
	ArrearsView arrears(@PathVariable UUID cid) {
		this.access.requireFigures(cid);
		Arrears.Buckets buckets = this.arrears.buckets(cid);
		// street officers see the figures, not the rooms
		List<Arrears.RoomArrears> rooms = this.access.mayKeep(cid) ? this.arrears.rooms(cid, 200) : List.of();
		return new ArrearsView(buckets, buckets.totalFen(), rooms);
	}

	@PostMapping("/rooms/{rid}/reminders")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> remind(@PathVariable UUID cid, @PathVariable UUID rid) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.arrears.remind(cid, rid, user.getUsername());
		this.audit.record(user, "ARREARS_REMINDER", "room/" + rid, "reminder=" + id);
		return Map.of("id", id);
	}

	@PostMapping("/rooms/{rid}/payment-plans")
	@ResponseStatus(HttpStatus.CREATED)
	PaymentPlans.Plan plan(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody PlanRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.plans.agree(cid, rid, request.instalments(), request.firstDue(), user.getUsername());
		PaymentPlans.Plan plan = this.plans.find(cid, id).orElseThrow();
		this.audit.record(user, "PAYMENT_PLAN", "paymentPlan/" + id,
				"room=" + rid + " totalFen=" + plan.totalFen() + " instalments=" + plan.instalments());
		return plan;
	}

	/** A compound's payment plans (status ACTIVE, COMPLETED or CANCELLED; all when absent). */
	@GetMapping("/payment-plans")
	List<PaymentPlans.Plan> plans(@PathVariable UUID cid, @RequestParam(required = false) String status) {
		this.access.requireKeeper(cid);
		return this.plans.list(cid, status, 500);
	}

	@GetMapping("/payment-plans/{pid}")
	PaymentPlans.Plan plan(@PathVariable UUID cid, @PathVariable UUID pid) {
		this.access.requireKeeper(cid);
		return this.plans.find(cid, pid).orElseThrow(() -> DomainException.notFound("billing.plan.notFound"));
	}

	/** Cancels an active plan with a reason (audited); {@code version} guards against a concurrent change. */
	@PostMapping("/payment-plans/{pid}/cancel")
	PaymentPlans.Plan cancel(@PathVariable UUID cid, @PathVariable UUID pid, @RequestBody CancelRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		this.plans.cancel(cid, pid, request.reason(), request.version(), user.getUsername());
		this.audit.record(user, "PAYMENT_PLAN_CANCELLED", "paymentPlan/" + pid, request.reason());
		return this.plans.find(cid, pid).orElseThrow();
	}

}
