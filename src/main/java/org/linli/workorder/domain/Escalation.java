package org.linli.workorder.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.workorder.WorkOrderEscalated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation (超时升级): when an order's running deadline passes it goes to the supervisor; when it is still late the
 * community's delay later (a setting; {@code linli.workorder.escalation.manager-after}, 30 minutes, by default) to the
 * manager. The level reached is stored with the order, so each is notified once per deadline, however often the job
 * runs and on however many nodes (rows are locked, skipping those another run holds). Orders waiting for the
 * resident never escalate.
 */
@Service
public class Escalation {

	private static final int BATCH = 200;

	private final WorkOrderRepository orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommunitySettings settings;

	Escalation(WorkOrderRepository orders, ApplicationEventPublisher events, Clock clock, CommunitySettings settings) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	/** Escalates every order that is due at the clock's now; answers how many escalation steps were taken. */
	@Transactional
	public int run() {
		Instant now = this.clock.instant();
		int steps = 0;
		List<WorkOrder> due = this.orders.lockOverdue(now, BATCH);
		Map<UUID, Duration> managerAfter = new HashMap<>();
		for (WorkOrder order : due) {
			WorkOrder.Deadline deadline = order.runningDeadline();
			int reached = deadline == WorkOrder.Deadline.ACKNOWLEDGE ? order.acknowledgeEscalation
					: order.resolveEscalation;
			int target = order.dueEscalation(now, managerAfter.computeIfAbsent(order.communityId(),
					c -> this.settings.of(c).managerAfter()));
			if (target <= reached) {
				continue;
			}
			for (int level = reached + 1; level <= target; level++) {
				String to = level == 1 ? WorkOrderEscalated.SUPERVISOR : WorkOrderEscalated.MANAGER;
				this.orders.addStep(order, Status.Action.ESCALATE, order.status(), WorkOrders.SYSTEM,
						deadline.name() + " " + to, now);
				this.events.publishEvent(new WorkOrderEscalated(order.communityId(), order.id(), deadline.name(), to,
						deadline == WorkOrder.Deadline.ACKNOWLEDGE ? order.acknowledgeBy() : order.resolveBy()));
				steps++;
			}
			if (deadline == WorkOrder.Deadline.ACKNOWLEDGE) {
				order.acknowledgeEscalation = target;
			}
			else {
				order.resolveEscalation = target;
			}
			this.orders.updateEscalation(order);
		}
		return steps;
	}

}
