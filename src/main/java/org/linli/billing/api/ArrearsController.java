package org.linli.billing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.Arrears;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

	private final Arrears arrears;

	private final BillingAccess access;

	private final BillingAudit audit;

	ArrearsController(Arrears arrears, BillingAccess access, BillingAudit audit) {
		this.arrears = arrears;
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
	Arrears.Plan plan(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody PlanRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.arrears.plan(cid, rid, request.instalments(), request.firstDue(), user.getUsername());
		return this.arrears.plans(cid, rid).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
	}

}
