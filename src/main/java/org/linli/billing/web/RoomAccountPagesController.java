package org.linli.billing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.domain.Arrears;
import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillableRooms;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.CreditNotes;
import org.linli.billing.domain.FeeItems;
import org.linli.billing.domain.MaintenanceFund;
import org.linli.billing.domain.PaymentPlans;
import org.linli.billing.domain.Payments;
import org.linli.billing.domain.Receipts;
import org.linli.billing.domain.Refunds;
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

/**
 * A room's account at the cashier's desk (收费台): bills, payments and receipts, credit notes, refunds, reductions,
 * maintenance fund; plus the refunds waiting for approval and arrears with reminders and payment plans.
 */
@Controller
@RequestMapping("/console/communities/{cid}/billing")
class RoomAccountPagesController {

	private final BillingAccess access;

	private final RegistryApi registry;

	private final BillableRooms rooms;

	private final BillQueries bills;

	private final Payments payments;

	private final Receipts receipts;

	private final CreditNotes creditNotes;

	private final Refunds refunds;

	private final FeeItems feeItems;

	private final MaintenanceFund fund;

	private final Arrears arrears;

	private final PaymentPlans plans;

	private final BillingAudit audit;

	private final PageForms forms;

	RoomAccountPagesController(BillingAccess access, RegistryApi registry, BillableRooms rooms, BillQueries bills,
			Payments payments, Receipts receipts, CreditNotes creditNotes, Refunds refunds, FeeItems feeItems,
			MaintenanceFund fund, Arrears arrears, PaymentPlans plans, BillingAudit audit, PageForms forms) {
		this.access = access;
		this.registry = registry;
		this.rooms = rooms;
		this.bills = bills;
		this.payments = payments;
		this.receipts = receipts;
		this.creditNotes = creditNotes;
		this.refunds = refunds;
		this.feeItems = feeItems;
		this.fund = fund;
		this.arrears = arrears;
		this.plans = plans;
		this.audit = audit;
		this.forms = forms;
	}

	@GetMapping("/rooms")
	String search(@PathVariable UUID cid, @RequestParam(defaultValue = "") String q, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("q", q);
		model.addAttribute("rooms", q.isBlank() ? List.of() : this.rooms.search(cid, q, 50));
		return "billing/rooms";
	}

	@GetMapping("/rooms/{rid}")
	String room(@PathVariable UUID cid, @PathVariable UUID rid, Model model) {
		this.access.requireKeeper(cid);
		var room = this.rooms.room(cid, rid).or(() -> {
			this.rooms.refresh(cid);
			return this.rooms.room(cid, rid);
		}).orElseThrow(() -> DomainException.notFound("billing.room.notFound"));
		var list = this.bills.ofRoom(cid, rid);
		model.addAttribute("community", community(cid));
		model.addAttribute("room", room);
		model.addAttribute("bills", list);
		model.addAttribute("outstanding", list.stream().mapToLong(BillQueries.Bill::outstandingFen).sum());
		model.addAttribute("balance", this.bills.balance(cid, rid));
		model.addAttribute("payments", this.payments.ofRoom(cid, rid, null));
		model.addAttribute("fundBalance", this.fund.balance(cid, rid));
		model.addAttribute("fundEntries", this.fund.entries(cid, rid));
		model.addAttribute("reductions", this.feeItems.reductions(cid, rid));
		model.addAttribute("plans", this.plans.ofRoom(cid, rid));
		model.addAttribute("channels", List.of("CASH", "TRANSFER", "POS"));
		return "billing/room";
	}

	@PostMapping("/rooms/{rid}/payments")
	String pay(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String channel, @RequestParam(required = false) String idempotencyKey,
			RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, room(cid, rid), "billing.payment.recorded", () -> {
			var p = this.payments.recordOffline(cid, rid, BillingPagesController.fen(amount, "amountFen"), channel,
					List.of(), idempotencyKey, user.getUsername());
			this.audit.record(user, "PAYMENT", "payment/" + p.id(),
					p.channel() + " amountFen=" + p.amountFen() + " receipt=" + p.receiptNo());
			redirect.addFlashAttribute("receiptId", p.id());
		});
	}

	@PostMapping("/rooms/{rid}/balance/apply")
	String applyBalance(@PathVariable UUID cid, @PathVariable UUID rid, RedirectAttributes redirect,
			HttpServletRequest request) {
		this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, room(cid, rid), "billing.balance.applied",
				() -> this.payments.applyBalance(cid, rid));
	}

	@PostMapping("/bills/{bid}/credit-notes")
	String credit(@PathVariable UUID cid, @PathVariable UUID bid, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		var bill = this.bills.find(cid, bid).orElseThrow(() -> DomainException.notFound("billing.bill.notFound"));
		return this.forms.run(redirect, request, room(cid, bill.roomId()), "billing.credit.issued", () -> {
			Long fen = BillingPagesController.fen(amount, "amountFen");
			this.creditNotes.issue(cid, bid, fen, reason, user.getUsername());
			this.audit.record(user, "CREDIT_NOTE", "bill/" + bid, "amountFen=" + fen);
		});
	}

	@PostMapping("/rooms/{rid}/reductions")
	String reduce(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(required = false) Integer percent,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) LocalDate validFrom,
			@RequestParam(required = false) LocalDate validUntil, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, room(cid, rid), "billing.reduction.saved",
				() -> this.feeItems.reduce(cid, rid, null, percent, reason, validFrom, validUntil, user.getUsername()));
	}

	@PostMapping("/rooms/{rid}/maintenance-fund")
	String fund(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, room(cid, rid), "billing.fund.recorded", () -> this.fund.record(cid,
				rid, "CONTRIBUTION", BillingPagesController.fen(amount, "amountFen"), note, user.getUsername()));
	}

	@PostMapping("/payments/{pid}/refunds")
	String requestRefund(@PathVariable UUID cid, @PathVariable UUID pid, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		var payment = this.payments.find(cid, pid).orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
		return this.forms.run(redirect, request, room(cid, payment.roomId()), "billing.refund.requested", () -> {
			Long fen = BillingPagesController.fen(amount, "amountFen");
			this.refunds.request(cid, pid, fen, reason, user.getUsername());
			this.audit.record(user, "REFUND_REQUESTED", "payment/" + pid, "amountFen=" + fen);
		});
	}

	@GetMapping("/receipts/{pid}")
	String receipt(@PathVariable UUID cid, @PathVariable UUID pid, Model model) {
		this.access.requireKeeper(cid);
		var receipt = this.receipts.of(cid, pid).orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
		model.addAttribute("community", community(cid));
		model.addAttribute("receipt", receipt);
		model.addAttribute("room", this.rooms.room(cid, receipt.roomId()).orElse(null));
		return "billing/receipt";
	}

	@GetMapping("/refunds")
	String refunds(@PathVariable UUID cid, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("refunds", this.refunds.list(cid, 100));
		model.addAttribute("mayApprove", this.access.mayApprove(cid));
		return "billing/refunds";
	}

	@PostMapping("/refunds/{id}/{decision:approve|reject}")
	String decide(@PathVariable UUID cid, @PathVariable UUID id, @PathVariable String decision,
			RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireApprover(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/refunds",
				"approve".equals(decision) ? "billing.refund.approved" : "billing.refund.rejected", () -> {
					if ("approve".equals(decision)) {
						this.refunds.approve(cid, id, user.getUsername());
						this.audit.record(user, "REFUND_APPROVED", "refund/" + id, null);
					}
					else {
						this.refunds.reject(cid, id, user.getUsername());
					}
				});
	}

	@GetMapping("/arrears")
	String arrears(@PathVariable UUID cid, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("buckets", this.arrears.buckets(cid));
		model.addAttribute("rooms", this.arrears.rooms(cid, 300));
		return "billing/arrears";
	}

	@PostMapping("/rooms/{rid}/reminders")
	String remind(@PathVariable UUID cid, @PathVariable UUID rid, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/arrears",
				"billing.reminder.issued", () -> {
					UUID id = this.arrears.remind(cid, rid, user.getUsername());
					this.audit.record(user, "ARREARS_REMINDER", "room/" + rid, "reminder=" + id);
					redirect.addFlashAttribute("reminderId", id);
				});
	}

	@GetMapping("/reminders/{id}")
	String reminder(@PathVariable UUID cid, @PathVariable UUID id, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("reminder",
				this.arrears.reminder(cid, id).orElseThrow(() -> DomainException.notFound("billing.reminder.notFound")));
		return "billing/reminder";
	}

	@PostMapping("/rooms/{rid}/payment-plans")
	String plan(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(required = false) Integer instalments,
			@RequestParam(required = false) LocalDate firstDue, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, room(cid, rid), "billing.plan.created", () -> {
			UUID id = this.plans.agree(cid, rid, instalments, firstDue, user.getUsername());
			this.audit.record(user, "PAYMENT_PLAN", "paymentPlan/" + id, "room=" + rid + " instalments=" + instalments);
		});
	}

	/** The compound's payment plans: active ones with an overdue instalment first. */
	@GetMapping("/payment-plans")
	String plans(@PathVariable UUID cid, @RequestParam(required = false) String status, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("status", status);
		model.addAttribute("plans", this.plans.list(cid, status, 300));
		return "billing/plans";
	}

	@GetMapping("/payment-plans/{pid}")
	String plan(@PathVariable UUID cid, @PathVariable UUID pid, Model model) {
		this.access.requireKeeper(cid);
		model.addAttribute("community", community(cid));
		model.addAttribute("plan",
				this.plans.find(cid, pid).orElseThrow(() -> DomainException.notFound("billing.plan.notFound")));
		return "billing/plan";
	}

	@PostMapping("/payment-plans/{pid}/cancel")
	String cancelPlan(@PathVariable UUID cid, @PathVariable UUID pid, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, "/console/communities/" + cid + "/billing/payment-plans/" + pid,
				"billing.plan.cancelled", () -> {
					this.plans.cancel(cid, pid, reason, version, user.getUsername());
					this.audit.record(user, "PAYMENT_PLAN_CANCELLED", "paymentPlan/" + pid, reason.strip());
				});
	}

	private static String room(UUID cid, UUID rid) {
		return "/console/communities/" + cid + "/billing/rooms/" + rid;
	}

	private org.linli.registry.CommunitySummary community(UUID cid) {
		return this.registry.summaries(List.of(cid)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.community.notFound"));
	}

}
