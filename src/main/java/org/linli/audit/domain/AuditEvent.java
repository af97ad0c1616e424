package org.linli.audit.domain;

import java.time.Instant;

/** A stored audit event with its place in the hash chain. */
public record AuditEvent(long id, Instant occurredAt, String account, String action, String object, String result,
		String sourceAddress, String detail, String prevHash, String hash) {
}
