package org.linli.billing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.linli.shared.DemoMode;
import org.linli.shared.web.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SIMULATED payment provider (模拟支付) for demo mode and tests: no money moves. It behaves like a real one where it
 * matters to us: its notifications are JSON signed with HMAC-SHA256 under a secret only it and we know, and may
 * arrive more than once or concurrently. Enabled in demo mode or with {@code linli.billing.simulated-payments=true}.
 */
@Component
public class SimulatedPaymentProvider implements PaymentProvider {

	public static final String NAME = "simulated";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] secret;

	private final boolean enabled;

	SimulatedPaymentProvider(DemoMode demoMode, @Value("${linli.billing.simulated-payments:false}") boolean forced,
			@Value("${linli.billing.simulated-secret:}") String configuredSecret) {
		this.enabled = demoMode.enabled() || forced;
		if (configuredSecret.isBlank()) {
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
		}
		else {
			this.secret = Base64.getDecoder().decode(configuredSecret.strip());
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean enabled() {
		return this.enabled;
	}

	@Override
	public String checkoutUrl(String orderNo) {
		return "/app/billing/checkout/" + orderNo;
	}

	/** The notification the simulated provider sends once the payer confirmed (or cancelled) on its checkout page. */
	public String notificationFor(UUID communityId, String orderNo, long amountFen, boolean success) {
		return JSON.writeValueAsString(Map.of("communityId", communityId.toString(), "orderNo", orderNo, "amountFen",
				amountFen, "providerRef", "SIM-" + UUID.randomUUID().toString().substring(0, 12), "status",
				success ? "SUCCESS" : "FAILED"));
	}

	/** Hex HMAC-SHA256 of the body, as the provider signs it. */
	public String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean verify(String body, String signature) {
		if (body == null || signature == null) {
			return false;
		}
		// constant-time comparison, so the signature cannot be guessed byte by byte
		return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
				signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public Notification parse(String body) {
		try {
			JsonNode node = JSON.readTree(body);
			return new Notification(UUID.fromString(node.get("communityId").asString()), node.get("orderNo").asString(),
					node.get("amountFen").asLong(), node.get("providerRef").asString(),
					"SUCCESS".equals(node.get("status").asString()));
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid("body", "billing.notify.malformed");
		}
	}

}
