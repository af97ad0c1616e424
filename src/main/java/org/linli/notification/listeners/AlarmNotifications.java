package org.linli.notification.listeners;

import java.util.List;

import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.iot.AlarmEscalated;
import org.linli.iot.AlarmRaised;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Device alarms as notices: the on-duty assignee hears of every new alarm, the whole property team of critical ones
 * (smoke, elevator entrapment) by SMS too, and the manager of alarms nobody acknowledged in time.
 */
@Component
class AlarmNotifications {

	private static final String LINK = "/console/security/alarms";

	private final NotificationApi notifications;

	private final IdentityApi identity;

	AlarmNotifications(NotificationApi notifications, IdentityApi identity) {
		this.notifications = notifications;
		this.identity = identity;
	}

	@ApplicationModuleListener
	void on(AlarmRaised e) {
		boolean critical = "CRITICAL".equals(e.severity());
		Recipients to = assignee(e.assignee());
		if (critical || to.isEmpty()) {
			to = to.and(Recipients.roles(Role.PROPERTY_STAFF, Role.PROPERTY_MANAGER));
		}
		this.notifications.notify(new Notice(e.communityId(), to, "ALARM", "notification.alarm.raised",
				"notification.alarm.raised.body", List.of(type(e.type()), e.deviceName(), e.location()), LINK,
				"alarm:" + e.alarmId() + ":raised", critical));
	}

	@ApplicationModuleListener
	void on(AlarmEscalated e) {
		this.notifications.notify(new Notice(e.communityId(), Recipients.roles(Role.PROPERTY_MANAGER), "ALARM",
				"notification.alarm.escalated", null, List.of(type(e.type()), e.deviceId()), LINK,
				"alarm:" + e.alarmId() + ":escalated:" + e.escalatedAt(), "CRITICAL".equals(e.severity())));
	}

	private Recipients assignee(String username) {
		return username == null ? Recipients.account(null)
				: this.identity.accountId(username).map(Recipients::account).orElse(Recipients.account(null));
	}

	/** The alarm type as a message-key argument: the notice names it in the reader's language. */
	private static String type(String type) {
		return "#{iot.alarmType." + type + "}";
	}

}
