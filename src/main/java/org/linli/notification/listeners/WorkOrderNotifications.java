package org.linli.notification.listeners;

import java.util.List;

import org.linli.identity.Role;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;
import org.linli.workorder.WorkOrderAcknowledged;
import org.linli.workorder.WorkOrderAssigned;
import org.linli.workorder.WorkOrderClosedAutomatically;
import org.linli.workorder.WorkOrderEscalated;
import org.linli.workorder.WorkOrderFiled;
import org.linli.workorder.WorkOrderRated;
import org.linli.workorder.WorkOrderReopened;
import org.linli.workorder.WorkOrderResolved;
import org.linli.workorder.WorkOrderWaitingForResident;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Work-order events as notices: the desk hears of new orders, the resident of every step of theirs, the technician
 * of their jobs, the supervisor (property staff) and the manager of escalations, each once per escalation.
 */
@Component
class WorkOrderNotifications {

	private static final String RESIDENT_LINK = "/app/work-orders/";

	private static final String STAFF_LINK = "/console/work-orders/";

	private final NotificationApi notifications;

	WorkOrderNotifications(NotificationApi notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(WorkOrderFiled e) {
		String number = number(e.orderId());
		this.notifications.notify(new Notice(e.communityId(), Recipients.roles(Role.PROPERTY_STAFF), "WORK_ORDER",
				"notification.workorder.filed", "notification.workorder.filed.body", List.of(number),
				STAFF_LINK + e.orderId(), "wo:" + e.orderId() + ":filed", "EMERGENCY".equals(e.level())));
	}

	@ApplicationModuleListener
	void on(WorkOrderAcknowledged e) {
		resident(e.communityId(), e.reporterPersonId(), e.orderId(), "acknowledged", true);
	}

	@ApplicationModuleListener
	void on(WorkOrderAssigned e) {
		String number = number(e.orderId());
		this.notifications.notify(new Notice(e.communityId(), Recipients.account(e.technicianAccountId()),
				"WORK_ORDER", "notification.workorder.job", null, List.of(number), STAFF_LINK + e.orderId(), null,
				false));
		resident(e.communityId(), e.reporterPersonId(), e.orderId(), "assigned", false);
	}

	@ApplicationModuleListener
	void on(WorkOrderWaitingForResident e) {
		resident(e.communityId(), e.reporterPersonId(), e.orderId(), "waiting", false);
	}

	@ApplicationModuleListener
	void on(WorkOrderResolved e) {
		resident(e.communityId(), e.reporterPersonId(), e.orderId(), "resolved", false);
	}

	/** Closed by the system after the resident never confirmed: they hear of it once, and may file anew. */
	@ApplicationModuleListener
	void on(WorkOrderClosedAutomatically e) {
		resident(e.communityId(), e.reporterPersonId(), e.orderId(), "autoClosed", true);
	}

	@ApplicationModuleListener
	void on(WorkOrderReopened e) {
		this.notifications.notify(new Notice(e.communityId(),
				Recipients.account(e.technicianAccountId()).and(Recipients.roles(Role.PROPERTY_STAFF)), "WORK_ORDER",
				"notification.workorder.reopened", null, List.of(number(e.orderId())), STAFF_LINK + e.orderId(), null,
				false));
	}

	@ApplicationModuleListener
	void on(WorkOrderRated e) {
		if (e.returnVisitNeeded()) {
			this.notifications.notify(new Notice(e.communityId(),
					Recipients.roles(Role.PROPERTY_STAFF, Role.PROPERTY_MANAGER), "WORK_ORDER",
					"notification.workorder.lowRating", null, List.of(number(e.orderId()), String.valueOf(e.rating())),
					STAFF_LINK + e.orderId(), "wo:" + e.orderId() + ":rated", false));
		}
	}

	/** The supervisor level goes to the property staff, the manager level to the property manager; urgent (SMS). */
	@ApplicationModuleListener
	void on(WorkOrderEscalated e) {
		Role role = WorkOrderEscalated.MANAGER.equals(e.escalatedTo()) ? Role.PROPERTY_MANAGER : Role.PROPERTY_STAFF;
		this.notifications.notify(new Notice(e.communityId(), Recipients.roles(role), "WORK_ORDER_ESCALATED",
				"notification.workorder.escalated." + e.deadline(), null, List.of(number(e.orderId())),
				STAFF_LINK + e.orderId(),
				"wo:" + e.orderId() + ":escalated:" + e.deadline() + ":" + e.escalatedTo() + ":"
						+ e.deadlineAt().getEpochSecond(),
				true));
	}

	private void resident(java.util.UUID communityId, java.util.UUID personId, java.util.UUID orderId, String step,
			boolean once) {
		if (personId == null) {
			return;
		}
		this.notifications.notify(new Notice(communityId, Recipients.person(personId), "WORK_ORDER",
				"notification.workorder." + step, null, List.of(number(orderId)), RESIDENT_LINK + orderId,
				once ? "wo:" + orderId + ":" + step : null, false));
	}

	/** The number people see: the first eight characters of the id (as the work-order pages show it). */
	private static String number(java.util.UUID orderId) {
		return orderId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

}
