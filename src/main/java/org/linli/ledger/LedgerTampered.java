package org.linli.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A verification found a compound's ledger changed behind the platform's back (篡改): a stored payload no longer
 * matches its hash, or the log no longer matches a signed tree head. Published once, when first found; the alarm
 * module turns it into a critical alarm.
 */
public record LedgerTampered(UUID communityId, Long index, String reason, Instant detectedAt) {
}
