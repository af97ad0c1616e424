package org.linli.demo;

import java.util.Optional;
import java.util.UUID;

import org.linli.registry.RegistryApi;
import org.linli.shared.DemoMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The start every module's demo seeder shares: nothing outside demo mode, one seeder at a time even with several
 * nodes or test contexts on one database (a transaction-scoped advisory lock), then the demo compound if it exists.
 */
@Component
class DemoSeeding {

	/** The lock the module seeders share: they run one after another, never side by side. */
	static final long MODULE_SEEDING = 20051002L;

	private final DemoMode demoMode;

	private final RegistryApi registry;

	private final JdbcClient jdbc;

	DemoSeeding(DemoMode demoMode, RegistryApi registry, JdbcClient jdbc) {
		this.demoMode = demoMode;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** The demo compound, with the lock held until the caller's transaction ends; empty outside demo mode. */
	Optional<UUID> demoCompound(long lock) {
		if (!this.demoMode.enabled()) {
			return Optional.empty();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", lock).query().singleValue();
		return this.registry.communityIdByCode(DemoCompound.CODE);
	}

}
