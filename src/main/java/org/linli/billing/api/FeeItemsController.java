package org.linli.billing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.FeeItems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Fee items with their rates, parking subscriptions and reductions. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class FeeItemsController {

	record RateRequest(String use, String buildingId, Long priceFen) {
	}

	record EndRequest(LocalDate effectiveUntil) {
	}

	record SubscriptionRequest(String feeItemId, Integer quantity, LocalDate since) {
	}

	record ReductionRequest(String feeItemId, Integer percent, String reason, LocalDate validFrom,
			LocalDate validUntil) {
	}

	private final FeeItems items;

	private final BillingAccess access;

	FeeItemsController(FeeItems items, BillingAccess access) {
		this.items = items;
		this.access = access;
	}

	@GetMapping("/fee-items")
	List<FeeItems.Item> list(@PathVariable UUID cid) {
		this.access.requireKeeper(cid);
		return this.items.list(cid);
	}

	@PostMapping("/fee-items")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> create(@PathVariable UUID cid, @RequestBody FeeItems.NewItem item) {
		this.access.requireKeeper(cid);
		return Map.of("id", this.items.create(cid, item));
	}

	@PostMapping("/fee-items/{id}/rates")
	Map<String, UUID> rate(@PathVariable UUID cid, @PathVariable UUID id, @RequestBody RateRequest request) {
		this.access.requireKeeper(cid);
		this.items.setRate(cid, id, request.use(), Views.id(request.buildingId()),
				request.priceFen() == null ? -1 : request.priceFen());
		return Map.of("id", id);
	}

	@PostMapping("/fee-items/{id}/end")
	Map<String, UUID> end(@PathVariable UUID cid, @PathVariable UUID id, @RequestBody EndRequest request) {
		this.access.requireKeeper(cid);
		this.items.end(cid, id, request.effectiveUntil());
		return Map.of("id", id);
	}

	@PostMapping("/rooms/{rid}/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> subscribe(@PathVariable UUID cid, @PathVariable UUID rid,
			@RequestBody SubscriptionRequest request) {
		this.access.requireKeeper(cid);
		this.items.subscribe(cid, rid, Views.id(request.feeItemId()),
				request.quantity() == null ? 0 : request.quantity(), request.since());
		return Map.of("roomId", rid);
	}

	@PostMapping("/rooms/{rid}/reductions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> reduce(@PathVariable UUID cid, @PathVariable UUID rid, @RequestBody ReductionRequest request) {
		var user = this.access.requireKeeper(cid);
		return Map.of("id", this.items.reduce(cid, rid, Views.id(request.feeItemId()), request.percent(),
				request.reason(), request.validFrom(), request.validUntil(), user.getUsername()));
	}

}
