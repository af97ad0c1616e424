package org.linli.governance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A vote closed and was counted; the ledger records the result so nobody can quietly change it later. */
public record VoteTallied(UUID communityId, UUID voteId, String title, OffsetDateTime closedAt, VoteResult result) {
}
