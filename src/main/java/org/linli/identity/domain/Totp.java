package org.linli.identity.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/** RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift allowed. */
public final class Totp {

	static final int STEP_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final Base32 BASE32 = new Base32();

	private Totp() {
	}

	/** A new random 160-bit secret, Base32 as authenticator apps expect. */
	public static String newSecret() {
		byte[] secret = new byte[20];
		new SecureRandom().nextBytes(secret);
		return BASE32.encodeToString(secret).replace("=", "");
	}

	/** The otpauth URI an authenticator app reads from the enrolment QR code. */
	public static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/** The time step the code matches within the drift window, if any. */
	public static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null || !code.trim().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP_SECONDS;
		for (long step = current - 1; step <= current + 1; step++) {
			if (code(secret, step).equals(code.trim())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	public static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(BASE32.decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long stepAt(Instant instant) {
		return instant.getEpochSecond() / STEP_SECONDS;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
