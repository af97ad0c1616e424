package org.linli.billing.domain;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of the bills one run statement creates, ascending in the layout of a UUID version 7: the milliseconds first,
 * then random bits, then the row's number ({@code low} + n, n from 1). The primary key takes them at its right edge
 * instead of at 150,000 random places.
 *
 * @param high the first 64 bits as 16 hex digits
 * @param low the last 64 bits before the row's number is added: variant bits, 30 random bits, 32 zero bits
 */
record BillIds(String high, long low) {

	static BillIds next(Instant now) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = now.toEpochMilli() << 16 | 0x7000 | random.nextInt(0x1000);
		long low = Long.MIN_VALUE | (random.nextLong() & 0x3FFF_FFFFL) << 32;
		return new BillIds("%016x".formatted(high), low);
	}

}
