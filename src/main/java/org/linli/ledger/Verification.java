package org.linli.ledger;

/**
 * The outcome of recomputing a log from its stored payloads: intact, or the first index found wrong and why
 * ({@code LEAF_HASH}, {@code ROOT}, {@code SIGNATURE}, {@code NODE}, {@code GAP}, {@code SIZE}).
 */
public record Verification(boolean intact, long treeSize, Long firstBadIndex, String reason, long millis) {
}
