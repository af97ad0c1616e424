package org.linli.audit.domain;

import java.time.Instant;

/** Search criteria of the auditor's viewer; null fields do not filter. */
public record AuditQuery(String account, String action, String result, Instant from, Instant to) {
}
