package org.linli.workorder.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.linli.workorder.WorkOrderClosedAutomatically;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic closing (超时自动关闭): a resolved order the resident has not confirmed within the community's delay (72
 * hours by default) is closed by the system, with a step done by "system", no rating, and the resident told. Rows are
 * locked and only RESOLVED ones qualify, so an order closes once however often and on however many nodes the job
 * runs; a reopened order is not RESOLVED, and when resolved again its delay counts from the new resolution.
 */
@Service
public class AutoClose {

	private static final int BATCH = 200;

	private final WorkOrderRepository orders;

	private final CommunitySettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AutoClose(WorkOrderRepository orders, CommunitySettings settings, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Closes every order due at the clock's now; answers how many. */
	@Transactional
	public int run() {
		Instant now = this.clock.instant();
		List<WorkOrder> due = this.orders.lockUnconfirmed(now, this.settings.defaults().autoCloseHours(), BATCH);
		for (WorkOrder order : due) {
			Instant resolvedAt = order.resolvedAt();
			order.autoClose(now);
			this.orders.update(order);
			this.orders.addStep(order, Status.Action.AUTO_CLOSE, Status.RESOLVED, WorkOrders.SYSTEM, null, now);
			this.events.publishEvent(new WorkOrderClosedAutomatically(order.communityId(), order.id(),
					order.reporterPersonId(), resolvedAt, now));
		}
		return due.size();
	}

}
