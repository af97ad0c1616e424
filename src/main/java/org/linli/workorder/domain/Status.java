package org.linli.workorder.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands: submitted -> acknowledged -> assigned -> in progress -> resolved -> closed (confirmed and
 * rated), or reopened from resolved back to assigned. Waiting for the resident pauses the SLA clock.
 */
public enum Status {

	SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, WAITING_RESIDENT, RESOLVED, CLOSED;

	/** Open orders count towards a technician's load and towards escalation. */
	public static final Set<Status> OPEN = EnumSet.of(SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, WAITING_RESIDENT);

	/** What a step does, and from which statuses it is allowed. */
	public enum Action {

		FILE(EnumSet.noneOf(Status.class)), ACKNOWLEDGE(EnumSet.of(SUBMITTED)),
		ASSIGN(EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS)), START(EnumSet.of(ASSIGNED)),
		PROGRESS(EnumSet.of(IN_PROGRESS)), WAIT(EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS)),
		RESUME(EnumSet.of(WAITING_RESIDENT)), RESOLVE(EnumSet.of(IN_PROGRESS)), CONFIRM(EnumSet.of(RESOLVED)),
		REOPEN(EnumSet.of(RESOLVED)), AUTO_CLOSE(EnumSet.of(RESOLVED)), RETURN_VISIT(EnumSet.of(CLOSED)), ESCALATE(OPEN), PHOTOS(OPEN);

		private final Set<Status> from;

		Action(Set<Status> from) {
			this.from = from;
		}

		public boolean allowedFrom(Status status) {
			return this.from.contains(status);
		}

	}

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
