package org.linli.demo;

import org.linli.registry.RegistryApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code district} dataset of the benchmarks (bench/district.sh): 100 compounds of 1,500 households each
 * (150,000 households), deterministic, created on start with {@code --linli.dataset=district}, after the demo
 * data. Compounds already present are skipped, so an interrupted run continues where it stopped.
 */
@Component
@ConditionalOnProperty(name = "linli.dataset", havingValue = "district")
@Order(100)
class DistrictDataset implements ApplicationRunner {

	static final int COMPOUNDS = 100;

	private static final Logger log = LoggerFactory.getLogger(DistrictDataset.class);

	private final RegistryApi registry;

	DistrictDataset(RegistryApi registry) {
		this.registry = registry;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		int created = 0;
		for (int i = 1; i <= COMPOUNDS; i++) {
			String code = "district-%03d".formatted(i);
			if (this.registry.communityIdByCode(code).isEmpty()) {
				this.registry.createCompound(DemoCompound.plan(code, "示范区第%03d小区".formatted(i), 1_000_000L + i));
				created++;
			}
		}
		log.info("District dataset ready: {} compounds created in {} s", created, (System.nanoTime() - start) / 1_000_000_000L);
	}

}
