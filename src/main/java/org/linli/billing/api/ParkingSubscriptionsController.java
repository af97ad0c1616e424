package org.linli.billing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.BillingAudit;
import org.linli.billing.domain.ParkingSubscriptions;
import org.linli.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Monthly parking subscriptions: a vehicle's space at a PARKING fee item's price, charged by the bill runs. */
@RestController
@RequestMapping("/api/v1/communities/{cid}/parking-subscriptions")
class ParkingSubscriptionsController {

	record NewSubscription(String roomId, String feeItemId, String plate, String space, LocalDate since) {
	}

	record EndRequest(LocalDate until, Integer version) {
	}

	private final ParkingSubscriptions parking;

	private final BillingAccess access;

	private final BillingAudit audit;

	ParkingSubscriptionsController(ParkingSubscriptions parking, BillingAccess access, BillingAudit audit) {
		this.parking = parking;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping
	List<ParkingSubscriptions.Subscription> list(@PathVariable UUID cid,
			@RequestParam(defaultValue = "false") boolean all) {
		this.access.requireKeeper(cid);
		return this.parking.list(cid, all, 2000);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> create(@PathVariable UUID cid, @RequestBody NewSubscription request) {
		CurrentUser user = this.access.requireKeeper(cid);
		UUID id = this.parking.create(cid, Views.id(request.roomId()), Views.id(request.feeItemId()), request.plate(),
				request.space(), request.since(), user.getUsername());
		this.audit.record(user, "PARKING_SUBSCRIPTION", "parkingSubscription/" + id,
				"room=" + request.roomId() + " space=" + request.space() + " since=" + request.since());
		return Map.of("id", id);
	}

	@PostMapping("/{id}/end")
	ParkingSubscriptions.Subscription end(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestBody EndRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		this.parking.end(cid, id, request.until(), request.version(), user.getUsername());
		this.audit.record(user, "PARKING_SUBSCRIPTION_ENDED", "parkingSubscription/" + id, "until=" + request.until());
		return this.parking.find(cid, id).orElseThrow();
	}

}
