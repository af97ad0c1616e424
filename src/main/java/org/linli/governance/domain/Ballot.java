package org.linli.governance.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.linli.governance.Choice;

/** A ballot: online ones count at once; paper and proxy ones count once a second account confirms them. */
public record Ballot(UUID id, UUID voteId, UUID voterId, Choice choice, Channel channel, Status status, String castBy,
		String proxyName, UUID attachmentId, OffsetDateTime createdAt, String confirmedBy, String roomsLabel) {

	public enum Channel {
		ONLINE, PAPER, PROXY
	}

	public enum Status {
		PENDING, COUNTED, REFUSED
	}

}
