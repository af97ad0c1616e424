package org.linli.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.linli.audit.AuditRecord.Result;
import org.linli.audit.domain.AuditTrail;
import org.linli.shared.time.MovableClock;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention: seen from ten years on, every event is past its 180 days and the purge removes them; the chain goes on
 * from the oldest kept event. (Its own context with a moved clock.)
 */
@LinliIntegrationTest
@Import(AuditRetentionIntegrationTests.TenYearsLater.class)
class AuditRetentionIntegrationTests {

	/** A clock of this context's own, moved ten years on by the test after everything else has been recorded. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TenYearsLater {

		@Bean
		@Primary
		MovableClock tenYearsLater() {
			return new MovableClock(Clock.system(ZoneId.of("Asia/Shanghai")));
		}

	}

	@Autowired
	MovableClock clock;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditApi audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePurgeRemovesExpiredEventsOnlyAndTheChainStillVerifies() {
		this.audit.record(new AuditRecord("retention-test", "TEST", "expires", Result.SUCCESS, "127.0.0.1", null));
		long before = this.jdbc.sql("select count(*) from audit.audit_event").query(Long.class).single();
		this.clock.advance(Duration.ofDays(3650));
		// an event of "now" (ten years on) is kept
		this.audit.record(new AuditRecord("retention-test", "TEST", "kept", Result.SUCCESS, "127.0.0.1", null));
		int purged = this.trail.purgeExpired();
		assertThat(purged).isEqualTo(before);
		assertThat(this.jdbc.sql("select account from audit.audit_event").query(String.class).list())
			.containsExactly("retention-test");
		this.audit.record(new AuditRecord("retention-test", "TEST", "after", Result.SUCCESS, "127.0.0.1", null));
		assertThat(this.trail.verify()).isEmpty();
	}

}
