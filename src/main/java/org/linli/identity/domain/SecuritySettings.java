package org.linli.identity.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** linli.security.*: lockout, token lifetime and whether staff must use a second factor. */
@ConfigurationProperties("linli.security")
public record SecuritySettings(Duration idleTimeout, Lockout lockout, Duration tokenLifetime,
		boolean requireTotpForStaff) {

	public record Lockout(int maxFailures, Duration duration) {
	}

}
