package org.linli.billing.api;

import java.util.List;
import java.util.UUID;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.Payments;
import org.linli.billing.domain.ResidentHouseholds;
import org.linli.billing.domain.SimulatedPaymentProvider;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A resident's own bills and payments: always those of the household the account lives in, never by id. */
@RestController
@RequestMapping("/api/v1/me")
class ResidentBillsController {

	record MyBills(String room, long outstandingFen, List<Views.BillView> bills) {
	}

	record PayRequest(List<String> billIds) {
	}

	private final BillingAccess access;

	private final ResidentHouseholds households;

	private final BillQueries bills;

	private final Payments payments;

	ResidentBillsController(BillingAccess access, ResidentHouseholds households, BillQueries bills,
			Payments payments) {
		this.access = access;
		this.households = households;
		this.bills = bills;
		this.payments = payments;
	}

	@GetMapping("/bills")
	MyBills bills() {
		var resident = resident();
		List<Views.BillView> list = this.bills
			.ofHousehold(resident.communityId(), resident.roomId(), resident.householdId())
			.stream()
			.map(Views.BillView::of)
			.toList();
		return new MyBills(resident.room(), list.stream().mapToLong(Views.BillView::outstandingFen).sum(), list);
	}

	@GetMapping("/payments")
	List<Views.PaymentView> payments() {
		var resident = resident();
		return this.payments.ofRoom(resident.communityId(), resident.roomId(), resident.householdId())
			.stream()
			.map(Views.PaymentView::of)
			.toList();
	}

	/** Starts an online payment of the chosen (or all) open bills with the simulated provider. */
	@PostMapping("/payments")
	@ResponseStatus(HttpStatus.CREATED)
	Payments.Order pay(@RequestBody PayRequest request) {
		var resident = resident();
		List<UUID> chosen = request.billIds() == null ? List.of() : request.billIds().stream().map(Views::id).toList();
		return this.payments.startOnline(resident.communityId(), resident.roomId(), resident.householdId(), chosen,
				SimulatedPaymentProvider.NAME, this.access.current().getUsername());
	}

	private ResidentHouseholds.Resident resident() {
		return this.households.of(this.access.current())
			.orElseThrow(() -> DomainException.notFound("billing.resident.noHousehold"));
	}

}
