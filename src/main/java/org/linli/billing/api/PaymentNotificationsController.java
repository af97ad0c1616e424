package org.linli.billing.api;

import java.util.Map;

import org.linli.billing.domain.Payments;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers post their results (public: the provider has no account; the HMAC signature over the raw
 * body is what authenticates it). Repeated notifications answer the same and credit nothing twice.
 */
@RestController
class PaymentNotificationsController {

	private final Payments payments;

	PaymentNotificationsController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping(path = "/api/v1/public/payments/{provider}/notify", consumes = "application/json")
	Map<String, String> notify(@PathVariable String provider, @RequestBody String body,
			@RequestHeader(name = "X-Linli-Signature", required = false) String signature) {
		Payments.Payment payment = this.payments.onNotification(provider, body, signature);
		return Map.of("orderNo", payment.orderNo(), "status", payment.status());
	}

}
