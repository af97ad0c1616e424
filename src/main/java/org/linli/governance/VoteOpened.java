package org.linli.governance;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A vote opened and its roll froze: the notification module delivers the in-app notice to every owner on the roll
 * ({@link GovernanceApi#noticeRecipients(UUID)}); governance has already recorded it as served.
 */
public record VoteOpened(UUID communityId, UUID voteId, String title, Matter matter, OffsetDateTime closesAt,
		int voters) {
}
