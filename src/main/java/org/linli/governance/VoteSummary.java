package org.linli.governance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A vote as other modules see it; {@code result} is null until it closes. */
public record VoteSummary(UUID id, UUID communityId, String title, Matter matter, String status,
		OffsetDateTime closesAt, VoteResult result) {
}
