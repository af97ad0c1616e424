package org.linli.billing.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BillIdsUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-28T06:30:00.123Z");

	/** What the run statement computes: {@code cast(high || to_hex(low + n) as uuid)}. */
	private static UUID id(BillIds ids, long n) {
		return UUID.fromString((ids.high() + Long.toHexString(ids.low() + n))
			.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
	}

	@Test
	void theRowsOfOneStatementGetVersion7IdsThatAscendWithTheRow() {
		BillIds ids = BillIds.next(NOW);
		UUID previous = null;
		for (long n = 1; n <= 150_000; n += 997) {
			UUID id = id(ids, n);
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
			if (previous != null) {
				assertThat(id.toString()).isGreaterThan(previous.toString());
			}
			previous = id;
		}
	}

	@Test
	void twoStatementsInTheSameMillisecondGetDifferentIds() {
		BillIds first = BillIds.next(NOW);
		BillIds second = BillIds.next(NOW);
		assertThat(first).isNotEqualTo(second);
		assertThat(id(first, 1)).isNotEqualTo(id(second, 1));
		assertThat(first.high()).hasSize(16);
		assertThat(Long.toHexString(first.low() + 1)).hasSize(16);
	}

	@Test
	void laterStatementsSortAfterEarlierOnes() {
		BillIds earlier = BillIds.next(NOW);
		BillIds later = BillIds.next(NOW.plusMillis(1));
		assertThat(id(later, 1).toString()).isGreaterThan(id(earlier, 1_000_000).toString());
	}

}
