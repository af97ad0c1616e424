package org.linli.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.support.LinliIntegrationTest;
import org.linli.workorder.ChargeableRepairCompleted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A chargeable repair reaches the room's bill once, however often its event is delivered. */
@LinliIntegrationTest
class RepairChargesIntegrationTests {

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aChargeableRepairIsBilledOnceToItsRoom() {
		BillingFixture f = BillingFixture.create(this.registry, this.identity);
		UUID order = UUID.randomUUID();
		ChargeableRepairCompleted repair = new ChargeableRepairCompleted(f.communityId(), f.room101(), order, 4550,
				"水龙头一个", Instant.now());
		for (int delivery = 0; delivery < 2; delivery++) {
			this.transaction.executeWithoutResult(status -> this.events.publishEvent(repair));
		}
		// a repair without a fee is not a charge
		this.transaction.executeWithoutResult(status -> this.events.publishEvent(new ChargeableRepairCompleted(
				f.communityId(), f.room102(), UUID.randomUUID(), 0, null, Instant.now())));

		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select room_id::text || ' ' || amount_fen || ' ' || description from billing.bill
					 where community_id = :c and source_ref = :ref
					""").param("c", f.communityId()).param("ref", "workorder:" + order).query(String.class).list())
				.containsExactly(f.room101() + " 4550 有偿维修（水龙头一个）"));
		assertThat(this.jdbc.sql("select count(*) from billing.bill where community_id = :c and kind = 'ONE_OFF'")
			.param("c", f.communityId()).query(Long.class).single()).isEqualTo(1);
	}

}
