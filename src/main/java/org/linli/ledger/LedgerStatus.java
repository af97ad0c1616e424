package org.linli.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A log's state: its size and whether a verification ever found it tampered with (kept once found). */
public record LedgerStatus(UUID communityId, String algorithm, long treeSize, boolean tampered, Long tamperedIndex,
		String tamperedReason, OffsetDateTime tamperedAt, OffsetDateTime lastVerifiedAt) {
}
