package org.linli.notification;

import java.util.UUID;

import org.linli.notification.domain.Inbox;

import org.springframework.stereotype.Service;

/** What other modules may ask of notifications (listeners in this module normally do the asking). */
@Service
public class NotificationApi {

	private final Inbox inbox;

	NotificationApi(Inbox inbox) {
		this.inbox = inbox;
	}

	/** Puts the notice in every recipient's inbox and sends its copies; answers how many accounts got it. */
	public int notify(Notice notice) {
		return this.inbox.deliver(notice);
	}

	public long unreadCount(UUID accountId) {
		return this.inbox.unreadCount(accountId);
	}

}
