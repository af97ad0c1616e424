package org.linli.notification.listeners;

import java.util.List;

import org.linli.billing.ArrearsReminderIssued;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;
import org.linli.shared.money.Money;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A reminder about unpaid bills (催缴通知) reaches the household in the app, with the amount and how to pay. */
@Component
class BillingNotifications {

	private final NotificationApi notifications;

	private final Households households;

	BillingNotifications(NotificationApi notifications, Households households) {
		this.notifications = notifications;
		this.households = households;
	}

	@ApplicationModuleListener
	void on(ArrearsReminderIssued e) {
		Recipients household = this.households.of(e.communityId(), e.roomId());
		if (household.isEmpty()) {
			return;
		}
		this.notifications.notify(new Notice(e.communityId(), household, "BILLING", "notification.billing.reminder",
				"notification.billing.reminder.body",
				List.of(Money.ofFen(e.outstandingFen()).toString(), String.valueOf(e.oldestDue())), "/app/billing",
				"arrears:" + e.reminderId(), false));
	}

}
