package org.linli.ledger;

import java.util.List;

/** Proof that the tree of size {@code first} is a prefix of the tree of size {@code second} (API.md). */
public record ConsistencyProof(long first, long second, List<String> path, String firstRootHash,
		String secondRootHash) {
}
