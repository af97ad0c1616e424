package org.linli.notification.listeners;

import java.util.List;

import org.linli.identity.Role;
import org.linli.ledger.LedgerTampered;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A ledger that no longer verifies is a critical alarm: the project manager, the property manager and the street
 * office hear of it at once, by SMS too. The public page and the audit trail say so as well (ledger module).
 */
@Component
class LedgerNotifications {

	private final NotificationApi notifications;

	LedgerNotifications(NotificationApi notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(LedgerTampered e) {
		this.notifications.notify(new Notice(e.communityId(),
				Recipients.roles(Role.PROJECT_MANAGER, Role.PROPERTY_MANAGER, Role.STREET_OFFICER), "ALARM",
				"notification.ledger.tampered", "notification.ledger.tampered.body",
				List.of(e.index() == null ? "-" : String.valueOf(e.index())), "/console/renovation",
				"ledger-tampered:" + e.communityId() + ":" + e.detectedAt(), true));
	}

}
