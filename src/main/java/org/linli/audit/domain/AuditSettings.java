package org.linli.audit.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** linli.audit.retention: how long events are kept; the law (MLPS 2.0) asks for at least 180 days. */
@ConfigurationProperties("linli.audit")
public record AuditSettings(Duration retention) {

	public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

	public AuditSettings {
		if (retention == null) {
			retention = MINIMUM_RETENTION;
		}
		if (retention.compareTo(MINIMUM_RETENTION) < 0) {
			throw new IllegalArgumentException("linli.audit.retention must be at least 180 days, was " + retention);
		}
	}

}
