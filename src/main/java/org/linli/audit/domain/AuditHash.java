package org.linli.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * SHA-256 over the previous hash and the event's fields, each length-prefixed so that no two different events share
 * an encoding. Times are hashed at the microsecond precision PostgreSQL stores.
 */
final class AuditHash {

	private AuditHash() {
	}

	static Instant normalise(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static String of(String prevHash, Instant occurredAt, String account, String action, String object, String result,
			String sourceAddress, String detail) {
		StringBuilder canonical = new StringBuilder();
		for (String field : new String[] { prevHash, normalise(occurredAt).toString(), account, action, object, result,
				sourceAddress, detail }) {
			String value = field == null ? "" : field;
			canonical.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String of(AuditEvent event) {
		return of(event.prevHash(), event.occurredAt(), event.account(), event.action(), event.object(),
				event.result(), event.sourceAddress(), event.detail());
	}

}
