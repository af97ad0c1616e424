package org.linli.audit.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditHashUnitTests {

	private static final String ZERO = "0".repeat(64);

	private static final Instant AT = Instant.parse("2026-11-28T06:00:00.123456789Z");

	@Test
	void everyFieldAndThePredecessorCountTowardsTheHash() {
		String base = AuditHash.of(ZERO, AT, "manager", "LOGIN", "/login", "SUCCESS", "10.0.0.1", null);
		assertThat(base).hasSize(64);
		assertThat(AuditHash.of(ZERO, AT, "manager", "LOGIN", "/login", "FAILURE", "10.0.0.1", null)).isNotEqualTo(base);
		assertThat(AuditHash.of("1".repeat(64), AT, "manager", "LOGIN", "/login", "SUCCESS", "10.0.0.1", null))
			.isNotEqualTo(base);
		assertThat(AuditHash.of(ZERO, AT.plusSeconds(1), "manager", "LOGIN", "/login", "SUCCESS", "10.0.0.1", null))
			.isNotEqualTo(base);
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		assertThat(AuditHash.of(ZERO, AT, "ab", "c", null, "SUCCESS", null, null))
			.isNotEqualTo(AuditHash.of(ZERO, AT, "a", "bc", null, "SUCCESS", null, null));
		assertThat(AuditHash.of(ZERO, AT, "", "c", null, "SUCCESS", null, null))
			.isNotEqualTo(AuditHash.of(ZERO, AT, null, "c", null, "SUCCESS", null, null));
	}

	@Test
	void timesAreHashedAtTheMicrosecondsTheDatabaseKeeps() {
		assertThat(AuditHash.of(ZERO, AT, "a", "b", null, "SUCCESS", null, null))
			.isEqualTo(AuditHash.of(ZERO, Instant.parse("2026-11-28T06:00:00.123456Z"), "a", "b", null, "SUCCESS",
					null, null));
	}

	@Test
	void retentionBelow180DaysIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditSettings(Duration.ofDays(179)));
		assertThat(new AuditSettings(null).retention()).isEqualTo(Duration.ofDays(180));
	}

}
