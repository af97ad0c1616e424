package org.linli.workorder.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example orders for demo mode: filed some time ago and taken through the flow up to a given status, every step
 * backdated and stored as usual (no events, so nobody is notified of the past).
 */
@Service
public class Examples {

	private final WorkOrderRepository orders;

	private final Categories categories;

	private final Clock clock;

	Examples(WorkOrderRepository orders, Categories categories, Clock clock) {
		this.orders = orders;
		this.categories = categories;
		this.clock = clock;
	}

	@Transactional
	public UUID file(UUID communityId, String category, String level, UUID roomId, UUID reporterPersonId,
			String description, Duration age, String status, UUID technicianId, String technicianName,
			Integer rating) {
		Categories.Category c = this.categories.find(communityId, category).orElseThrow();
		Level l = Level.valueOf(level);
		Status target = Status.valueOf(status);
		Instant filed = this.clock.instant().minus(age);
		WorkOrder o = new WorkOrder(UUID.randomUUID(), communityId, c.kind(), c.code(), l, roomId, null, description,
				Status.SUBMITTED, null, Channel.APP, reporterPersonId, null, null, "demo", filed,
				SlaClock.startingAt(filed, Targets.effective(c.target(), l, this.categories.levelTargets(communityId))),
				null, 0);
		this.orders.insert(o);
		this.orders.addStep(o, Status.Action.FILE, null, "demo", null, filed);
		int version = 0;
		Instant at = filed;
		Status[] path = { Status.ACKNOWLEDGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED };
		long[] minutes = { 6, 10, 25, 150, 300 };
		for (int i = 0; i < path.length && target.ordinal() >= path[i].ordinal(); i++) {
			at = filed.plus(Duration.ofMinutes(minutes[i]));
			Status from = o.status;
			Status.Action action;
			switch (path[i]) {
				case ACKNOWLEDGED -> {
					o.acknowledge(at);
					action = Status.Action.ACKNOWLEDGE;
				}
				case ASSIGNED -> {
					o.assign(technicianId, technicianName, at);
					action = Status.Action.ASSIGN;
				}
				case IN_PROGRESS -> {
					o.start(at);
					action = Status.Action.START;
				}
				case RESOLVED -> {
					o.resolve(null, null, at);
					action = Status.Action.RESOLVE;
				}
				default -> {
					o.confirm(rating == null ? 5 : rating, null, at);
					action = Status.Action.CONFIRM;
				}
			}
			this.orders.update(copyWithVersion(o, version++));
			this.orders.addStep(o, action, from, path[i] == Status.IN_PROGRESS || path[i] == Status.RESOLVED
					? "tech" : path[i] == Status.CLOSED ? "resident" : "staff", null, at);
		}
		return o.id;
	}

	/** The repository checks the version the change was based on; the example advances it step by step. */
	private static WorkOrder copyWithVersion(WorkOrder o, int version) {
		WorkOrder copy = new WorkOrder(o.id, o.communityId, o.kind, o.category, o.level, o.roomId, o.assetId,
				o.description, o.status, o.resumeStatus, o.channel, o.reporterPersonId, o.reporterAccountId, o.contact,
				o.filedBy, o.createdAt, o.clock, o.sourceReportId, version);
		copy.acknowledgedAt = o.acknowledgedAt;
		copy.assignedAt = o.assignedAt;
		copy.startedAt = o.startedAt;
		copy.resolvedAt = o.resolvedAt;
		copy.closedAt = o.closedAt;
		copy.assigneeAccountId = o.assigneeAccountId;
		copy.assigneeName = o.assigneeName;
		copy.rating = o.rating;
		copy.ratingComment = o.ratingComment;
		return copy;
	}

	public boolean any(UUID communityId) {
		return this.orders.count(communityId, new WorkOrderRepository.Filter(null, null, false, null, null, null,
				false, null)) > 0;
	}

	public void ensureCategories(UUID communityId) {
		this.categories.list(communityId);
	}

}
