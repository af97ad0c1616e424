package org.linli.billing.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.PaymentPlans;
import org.linli.billing.domain.Payments;
import org.linli.billing.domain.Receipts;
import org.linli.billing.domain.ResidentHouseholds;
import org.linli.billing.domain.SimulatedPaymentProvider;
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
 * The resident's bills in the app (我的账单): open bills and history, paying online (the SIMULATED provider's
 * checkout page in demo mode), receipts. Always the household the account lives in; nothing is looked up by a
 * household or room id from the request.
 */
@Controller
@RequestMapping("/app/billing")
class ResidentBillingController {

	private final BillingAccess access;

	private final ResidentHouseholds households;

	private final BillQueries bills;

	private final Payments payments;

	private final Receipts receipts;

	private final SimulatedPaymentProvider simulated;

	private final PageForms forms;

	private final PaymentPlans plans;

	ResidentBillingController(BillingAccess access, ResidentHouseholds households, BillQueries bills,
			Payments payments, Receipts receipts, SimulatedPaymentProvider simulated, PageForms forms,
			PaymentPlans plans) {
		this.plans = plans;
		this.access = access;
		this.households = households;
		this.bills = bills;
		this.payments = payments;
		this.receipts = receipts;
		this.simulated = simulated;
		this.forms = forms;
	}

	@GetMapping
	String bills(Model model) {
		var resident = this.households.of(this.access.current()).orElse(null);
		model.addAttribute("resident", resident);
		if (resident != null) {
			List<BillQueries.Bill> list = this.bills.ofHousehold(resident.communityId(), resident.roomId(),
					resident.householdId());
			model.addAttribute("open", list.stream().filter(b -> b.outstandingFen() > 0).toList());
			model.addAttribute("history", list.stream().filter(b -> b.outstandingFen() == 0).limit(24).toList());
			model.addAttribute("outstanding", list.stream().mapToLong(BillQueries.Bill::outstandingFen).sum());
			model.addAttribute("payments", this.payments.ofRoom(resident.communityId(), resident.roomId(),
					resident.householdId()).stream().filter(p -> "SUCCEEDED".equals(p.status())).toList());
			model.addAttribute("onlineEnabled", this.simulated.enabled());
			// the household's own plans only, newest first
			model.addAttribute("plans", this.plans.ofHousehold(resident.communityId(), resident.roomId(),
					resident.householdId()).stream().limit(3).toList());
		}
		return "billing/app-bills";
	}

	@PostMapping("/pay")
	String pay(@RequestParam(required = false) List<UUID> billIds, RedirectAttributes redirect,
			HttpServletRequest request) {
		var resident = resident();
		String[] target = { "/app/billing" };
		String view = this.forms.run(redirect, request, "/app/billing", "billing.app.started", () -> {
			Payments.Order order = this.payments.startOnline(resident.communityId(), resident.roomId(),
					resident.householdId(), billIds == null ? List.of() : billIds, SimulatedPaymentProvider.NAME,
					this.access.current().getUsername());
			target[0] = order.checkoutUrl();
		});
		return target[0].equals("/app/billing") ? view : "redirect:" + target[0];
	}

	/** The SIMULATED provider's checkout page: clearly labelled, no real money moves. */
	@GetMapping("/checkout/{orderNo}")
	String checkout(@PathVariable String orderNo, Model model) {
		var resident = resident();
		Payments.Payment payment = ownOrder(resident, orderNo);
		model.addAttribute("payment", payment);
		return "billing/app-checkout";
	}

	/**
	 * The payer confirms on the simulated provider's page; the provider then notifies us the way a real one does,
	 * with a signed message that goes through the same verification as notifications arriving over HTTP.
	 */
	@PostMapping("/checkout/{orderNo}")
	String confirm(@PathVariable String orderNo, @RequestParam(defaultValue = "true") boolean success) {
		var resident = resident();
		Payments.Payment payment = ownOrder(resident, orderNo);
		String body = this.simulated.notificationFor(resident.communityId(), orderNo, payment.amountFen(), success);
		Payments.Payment done = this.payments.onNotification(SimulatedPaymentProvider.NAME, body,
				this.simulated.sign(body));
		return "SUCCEEDED".equals(done.status()) ? "redirect:/app/billing/receipts/" + done.id()
				: "redirect:/app/billing";
	}

	@GetMapping("/receipts/{pid}")
	String receipt(@PathVariable UUID pid, Model model) {
		var resident = resident();
		var payment = this.payments.find(resident.communityId(), pid)
			.filter(p -> resident.householdId().equals(p.householdId()))
			.orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
		model.addAttribute("receipt", this.receipts.of(resident.communityId(), payment.id())
			.orElseThrow(() -> DomainException.notFound("billing.payment.notFound")));
		model.addAttribute("room", resident.room());
		return "billing/app-receipt";
	}

	private Payments.Payment ownOrder(ResidentHouseholds.Resident resident, String orderNo) {
		return this.payments.byOrder(resident.communityId(), orderNo)
			.filter(p -> resident.householdId().equals(p.householdId()))
			.orElseThrow(() -> DomainException.notFound("billing.payment.notFound"));
	}

	private ResidentHouseholds.Resident resident() {
		return this.households.of(this.access.current())
			.orElseThrow(() -> DomainException.notFound("billing.resident.noHousehold"));
	}

}
