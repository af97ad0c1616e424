package org.linli.ledger;

import java.util.UUID;

/**
 * A signed tree head (API.md): size and root of the log at a moment, signed with the platform's ledger key. The
 * signature covers the canonical JSON of {algorithm, communityId, rootHash, timestamp, treeSize}.
 */
public record TreeHead(long treeSize, String rootHash, String algorithm, String timestamp, String signature,
		String publicKey, String signatureAlgorithm, UUID communityId) {
}
