package org.linli.billing.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillRuns;
import org.linli.billing.domain.BillableRooms;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.CreditNotes;
import org.linli.billing.domain.MaintenanceFund;
import org.linli.billing.domain.Payments;
import org.linli.billing.domain.Receipts;
import org.linli.billing.domain.Refunds;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A room's account for staff: bills, offline payments, credit notes, refunds with approval, receipts, one-off
 * charges and the maintenance fund.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class AccountsController {

	record PaymentRequest(Long amountFen, String channel, List<String> billIds) {
	}

	record AmountRequest(Long amountFen, String reason) {
	}

	record ChargeRequest(String description, Long amountFen, String sourceRef) {
	}

	record FundRequest(String kind, Long amountFen, String note) {
	}

	record RoomAccount(UUID roomId, long balanceFen, long maintenanceFundFen, List<Views.BillView> bills,
			List<Views.PaymentView> payments) {
	}

	private final BillingAccess access;

	private final BillQueries bills;

	private final BillableRooms rooms;

	private final Payments payments;

	private final CreditNotes creditNotes;

	private final Refunds refunds;

	private final Receipts receipts;

	private final BillRuns runs;

	private final MaintenanceFund fund;

	private final BillingAudit audit;

	AccountsController(BillingAccess access, BillQueries bills, BillableRooms rooms, Payments payments,
			CreditNotes creditNotes, Refunds refunds, Receipts receipts, BillRuns runs, MaintenanceFund fund,
			BillingAudit audit) {
		this.access = access;
		this.bills = bills;
		this.rooms = rooms;
		this.payments = payments;
		this.creditNotes = creditNotes;
		this.refunds = refunds;
		this.receipts = receipts;
		this.runs = runs;
		this.fund = fund;
		this.audit = audit;
	}

	@GetMapping("/rooms/{rid}/bills")
	RoomAccount account(@PathVariable UUID cid, @PathVariable UUID rid) {
		this.access.requireKeeper(cid);
		return new RoomAccount(rid, this.bills.balance(cid, rid), this.fund.balance(cid, rid),
				this.bills.ofRoom(cid, rid).stream().map(Views.BillView::of).toList(),
				this.payments.ofRoom(cid, rid, null).stream().map(Views.PaymentView::of).toList());
	}

	@PostMapping("/rooms/{rid}/payments")
	@ResponseStatus(HttpStatus.CREATED)
	Views.PaymentView pay(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody PaymentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		CurrentUser user = this.access.requireKeeper(cid);
		requireRoom(cid, rid);
		List<UUID> chosen = request.billIds() == null ? List.of() : request.billIds().stream().map(Views::id).toList();
		Payments.Payment payment = this.payments.recordOffline(cid, rid, request.amountFen(), request.channel(), chosen,
				key, user.getUsername());
		this.audit.record(user, "PAYMENT", "payment/" + payment.id(),
				payment.channel() + " amountFen=" + payment.amountFen() + " receipt=" + payment.receiptNo());
		return Views.PaymentView.of(payment);
	}

	@GetMapping("/payments/{pid}/receipt")
	Receipts.Receipt receipt(@PathVariable UUID cid, @PathVariable UUID pid) {
		this.access.requireKeeper(cid);
		return this.receipts.of(cid, pid).orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
	}

	@PostMapping("/bills/{bid}/credit-notes")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> credit(@PathVariable UUID cid, @PathVariable UUID bid, @RequestBody AmountRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.creditNotes.issue(cid, bid, request.amountFen(), request.reason(), user.getUsername());
		this.audit.record(user, "CREDIT_NOTE", "bill/" + bid, "amountFen=" + request.amountFen());
		return Map.of("id", id);
	}

	@PostMapping("/payments/{pid}/refunds")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> requestRefund(@PathVariable UUID cid, @PathVariable UUID pid,
			@RequestBody AmountRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.refunds.request(cid, pid, request.amountFen(), request.reason(), user.getUsername());
		this.audit.record(user, "REFUND_REQUESTED", "payment/" + pid, "amountFen=" + request.amountFen());
		return Map.of("id", id, "status", "REQUESTED");
	}

	@PostMapping("/refunds/{id}/approve")
	Map<String, Object> approve(@PathVariable UUID cid, @PathVariable UUID id) {
		CurrentUser user = this.access.requireApprover(cid);
		this.refunds.approve(cid, id, user.getUsername());
		this.audit.record(user, "REFUND_APPROVED", "refund/" + id, null);
		return Map.of("id", id, "status", "APPROVED");
	}

	@PostMapping("/refunds/{id}/reject")
	Map<String, Object> reject(@PathVariable UUID cid, @PathVariable UUID id) {
		CurrentUser user = this.access.requireApprover(cid);
		this.refunds.reject(cid, id, user.getUsername());
		return Map.of("id", id, "status", "REJECTED");
	}

	@PostMapping("/rooms/{rid}/one-off-charges")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> charge(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody ChargeRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.runs.oneOff(cid, rid, request.description(),
				request.amountFen() == null ? 0 : request.amountFen(), request.sourceRef());
		this.audit.record(user, "ONE_OFF_CHARGE", "bill/" + id, "amountFen=" + request.amountFen());
		return Map.of("id", id);
	}

	@PostMapping("/rooms/{rid}/balance/apply")
	Map<String, Long> applyBalance(@PathVariable UUID cid, @PathVariable UUID rid) {
		this.access.requireKeeper(cid);
		return Map.of("appliedFen", this.payments.applyBalance(cid, rid));
	}

	@PostMapping("/rooms/{rid}/maintenance-fund")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> fund(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody FundRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		requireRoom(cid, rid);
		UUID id = this.fund.record(cid, rid, request.kind(), request.amountFen(), request.note(), user.getUsername());
		return Map.of("id", id, "balanceFen", this.fund.balance(cid, rid));
	}

	/** The room must be one of this compound's (the projection is refreshed once for a room added since). */
	private void requireRoom(UUID cid, UUID rid) {
		this.rooms.room(cid, rid).or(() -> {
			this.rooms.refresh(cid);
			return this.rooms.room(cid, rid);
		}).orElseThrow(() -> DomainException.notFound("billing.room.notFound"));
	}

}
