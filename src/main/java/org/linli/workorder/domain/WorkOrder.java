package org.linli.workorder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.linli.shared.web.DomainException;

/**
 * One repair or complaint (工单). State changes go through the methods below, each checking that the step is allowed
 * from the current status (otherwise 409) and keeping the SLA clock; {@link WorkOrders} stores them with their
 * step, under optimistic locking.
 */
public final class WorkOrder {

	/** Ratings at or below this ask staff for a return visit (回访). */
	public static final int LOW_RATING = 2;

	final UUID id;

	final UUID communityId;

	final Kind kind;

	final String category;

	final Level level;

	final UUID roomId;

	final UUID assetId;

	final String description;

	Status status;

	Status resumeStatus;

	final Channel channel;

	final UUID reporterPersonId;

	final UUID reporterAccountId;

	final String contact;

	final String filedBy;

	final Instant createdAt;

	SlaClock clock;

	Instant acknowledgedAt;

	Instant assignedAt;

	Instant startedAt;

	Instant resolvedAt;

	Instant closedAt;

	UUID assigneeAccountId;

	String assigneeName;

	int acknowledgeEscalation;

	int resolveEscalation;

	String materials;

	Long feeFen;

	Integer rating;

	String ratingComment;

	Instant returnVisitAt;

	String returnVisitBy;

	String returnVisitNote;

	final UUID sourceReportId;

	final int version;

	WorkOrder(UUID id, UUID communityId, Kind kind, String category, Level level, UUID roomId, UUID assetId,
			String description, Status status, Status resumeStatus, Channel channel, UUID reporterPersonId,
			UUID reporterAccountId, String contact, String filedBy, Instant createdAt, SlaClock clock,
			UUID sourceReportId, int version) {
		this.id = id;
		this.communityId = communityId;
		this.kind = kind;
		this.category = category;
		this.level = level;
		this.roomId = roomId;
		this.assetId = assetId;
		this.description = description;
		this.status = status;
		this.resumeStatus = resumeStatus;
		this.channel = channel;
		this.reporterPersonId = reporterPersonId;
		this.reporterAccountId = reporterAccountId;
		this.contact = contact;
		this.filedBy = filedBy;
		this.createdAt = createdAt;
		this.clock = clock;
		this.sourceReportId = sourceReportId;
		this.version = version;
	}

	private void require(Status.Action action) {
		if (!action.allowedFrom(this.status)) {
			throw DomainException.conflict("workorder.transition.illegal", this.status.name(), action.name());
		}
	}

	void acknowledge(Instant now) {
		require(Status.Action.ACKNOWLEDGE);
		this.status = Status.ACKNOWLEDGED;
		this.acknowledgedAt = now;
	}

	void assign(UUID technician, String name, Instant now) {
		require(Status.Action.ASSIGN);
		this.status = Status.ASSIGNED;
		this.assigneeAccountId = technician;
		this.assigneeName = name;
		this.assignedAt = now;
		this.startedAt = null;
	}

	void start(Instant now) {
		require(Status.Action.START);
		this.status = Status.IN_PROGRESS;
		this.startedAt = now;
	}

	void progress() {
		require(Status.Action.PROGRESS);
	}

	void addPhotos() {
		require(Status.Action.PHOTOS);
	}

	/** Waiting for the resident stops the SLA clock until {@link #resume(Instant)}. */
	void waitForResident(Instant now) {
		require(Status.Action.WAIT);
		this.resumeStatus = this.status;
		this.status = Status.WAITING_RESIDENT;
		this.clock = this.clock.pause(now);
	}

	void resume(Instant now) {
		require(Status.Action.RESUME);
		this.status = this.resumeStatus == null ? Status.ACKNOWLEDGED : this.resumeStatus;
		this.resumeStatus = null;
		this.clock = this.clock.resume(now);
	}

	void resolve(String materials, Long feeFen, Instant now) {
		require(Status.Action.RESOLVE);
		this.status = Status.RESOLVED;
		this.resolvedAt = now;
		this.materials = materials;
		this.feeFen = feeFen;
	}

	void confirm(int rating, String comment, Instant now) {
		require(Status.Action.CONFIRM);
		this.status = Status.CLOSED;
		this.closedAt = now;
		this.rating = rating;
		this.ratingComment = comment;
	}

	/** Closed by the system because the resident never confirmed in time: closed, but unrated (no rating made up). */
	void autoClose(Instant now) {
		require(Status.Action.AUTO_CLOSE);
		this.status = Status.CLOSED;
		this.closedAt = now;
	}

	/** Back to the technician with a fresh resolve target counted from now; escalation of it starts over. */
	void reopen(Instant now) {
		require(Status.Action.REOPEN);
		this.status = this.assigneeAccountId == null ? Status.ACKNOWLEDGED : Status.ASSIGNED;
		this.resolvedAt = null;
		this.startedAt = null;
		this.clock = this.clock.restartResolve(now);
		this.resolveEscalation = 0;
	}

	void returnVisit(String by, String note, Instant now) {
		require(Status.Action.RETURN_VISIT);
		if (this.rating == null || this.rating > LOW_RATING) {
			throw DomainException.conflict("workorder.returnVisit.notLow");
		}
		if (this.returnVisitAt != null) {
			throw DomainException.conflict("workorder.returnVisit.done");
		}
		this.returnVisitAt = now;
		this.returnVisitBy = by;
		this.returnVisitNote = note;
	}

	/** The deadline that runs now: acknowledgement until acknowledged, then resolution until resolved. */
	public Deadline runningDeadline() {
		if (!this.status.isOpen()) {
			return null;
		}
		return this.acknowledgedAt == null ? Deadline.ACKNOWLEDGE : Deadline.RESOLVE;
	}

	/** The escalation level the order should have at {@code now} for its running deadline (0, 1 or 2). */
	int dueEscalation(Instant now, Duration managerAfter) {
		Deadline deadline = runningDeadline();
		if (deadline == null) {
			return 0;
		}
		Duration overdue = this.clock.overdue(deadline == Deadline.ACKNOWLEDGE ? this.clock.acknowledgeBy()
				: this.clock.resolveBy(), now);
		if (overdue.isNegative() || overdue.isZero()) {
			return 0;
		}
		return overdue.compareTo(managerAfter) >= 0 ? 2 : 1;
	}

	/** The two deadlines of the SLA clock. */
	public enum Deadline {

		ACKNOWLEDGE, RESOLVE

	}

	public UUID id() {
		return this.id;
	}

	public UUID communityId() {
		return this.communityId;
	}

	public Kind kind() {
		return this.kind;
	}

	public String category() {
		return this.category;
	}

	public Level level() {
		return this.level;
	}

	public UUID roomId() {
		return this.roomId;
	}

	public UUID assetId() {
		return this.assetId;
	}

	public String description() {
		return this.description;
	}

	public Status status() {
		return this.status;
	}

	public Channel channel() {
		return this.channel;
	}

	public UUID reporterPersonId() {
		return this.reporterPersonId;
	}

	public UUID reporterAccountId() {
		return this.reporterAccountId;
	}

	public String contact() {
		return this.contact;
	}

	public String filedBy() {
		return this.filedBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public SlaClock clock() {
		return this.clock;
	}

	public Instant acknowledgeBy() {
		return this.clock.acknowledgeBy();
	}

	public Instant resolveBy() {
		return this.clock.resolveBy();
	}

	public boolean paused() {
		return this.clock.isPaused();
	}

	public Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	public Instant assignedAt() {
		return this.assignedAt;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant resolvedAt() {
		return this.resolvedAt;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public UUID assigneeAccountId() {
		return this.assigneeAccountId;
	}

	public String assigneeName() {
		return this.assigneeName;
	}

	public int acknowledgeEscalation() {
		return this.acknowledgeEscalation;
	}

	public int resolveEscalation() {
		return this.resolveEscalation;
	}

	/** The highest escalation level reached on any deadline: 0 none, 1 supervisor, 2 manager. */
	public int escalation() {
		return Math.max(this.acknowledgeEscalation, this.resolveEscalation);
	}

	public String materials() {
		return this.materials;
	}

	public Long feeFen() {
		return this.feeFen;
	}

	public Integer rating() {
		return this.rating;
	}

	public String ratingComment() {
		return this.ratingComment;
	}

	public Instant returnVisitAt() {
		return this.returnVisitAt;
	}

	public String returnVisitBy() {
		return this.returnVisitBy;
	}

	public String returnVisitNote() {
		return this.returnVisitNote;
	}

	public boolean returnVisitNeeded() {
		return this.rating != null && this.rating <= LOW_RATING && this.returnVisitAt == null;
	}

	public int version() {
		return this.version;
	}

	/** A short number for people: the first eight characters of the id, upper case. */
	public String number() {
		return shortNumber(this.id);
	}

	public static String shortNumber(UUID id) {
		return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	/** Whether the order is past its running deadline at {@code now}. */
	public boolean overdueAt(Instant now) {
		Deadline deadline = runningDeadline();
		if (deadline == null) {
			return false;
		}
		Instant at = deadline == Deadline.ACKNOWLEDGE ? acknowledgeBy() : resolveBy();
		return this.clock.overdue(at, now).isPositive();
	}

}
