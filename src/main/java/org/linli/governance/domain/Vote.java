package org.linli.governance.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.linli.governance.Matter;
import org.linli.governance.NonVoters;
import org.linli.governance.VoteResult;

/** A vote as stored: DRAFT, then OPEN with a frozen roll, then CLOSED with its result. */
public record Vote(UUID id, UUID communityId, UUID proposalId, String title, Matter matter, String description,
		Status status, OffsetDateTime closesAt, NonVoters nonVoters, String createdBy, OffsetDateTime openedAt,
		BigDecimal totalArea, Integer totalOwners, OffsetDateTime closedAt, VoteResult result, int version) {

	public enum Status {
		DRAFT, OPEN, CLOSED
	}

	public boolean isOpen() {
		return this.status == Status.OPEN;
	}

	public boolean isClosed() {
		return this.status == Status.CLOSED;
	}

}
