package org.linli.billing.domain;

import java.util.UUID;

/**
 * An online payment provider (WeChat Pay, Alipay, UnionPay, a bank): it takes the resident to its checkout and later
 * notifies the result in a signed message that {@link Payments#onNotification} verifies before anything is credited.
 */
public interface PaymentProvider {

	/** The verified content of a provider's notification. */
	record Notification(UUID communityId, String orderNo, long amountFen, String providerRef, boolean success) {
	}

	/** The provider's name in URLs and on payments, e.g. {@code simulated}. */
	String name();

	/** Whether this provider may be used in this installation. */
	boolean enabled();

	/** Where the payer goes to pay the order. */
	String checkoutUrl(String orderNo);

	/** Whether the signature was made by the provider over exactly this body. */
	boolean verify(String body, String signature);

	/** Reads a notification body whose signature was verified. */
	Notification parse(String body);

}
