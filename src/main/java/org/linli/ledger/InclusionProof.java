package org.linli.ledger;

import java.util.List;

/** The audit path of an entry in the tree of the given size (API.md), with the leaf hash and root it leads to. */
public record InclusionProof(long index, long treeSize, List<String> path, String leafHash, String rootHash) {
}
