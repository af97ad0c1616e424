package org.linli.ledger;

/** One entry as published: its index and the exact canonical JSON text that was hashed. */
public record LedgerEntry(long index, String payload) {
}
