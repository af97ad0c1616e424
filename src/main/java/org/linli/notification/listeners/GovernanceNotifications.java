package org.linli.notification.listeners;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.linli.governance.GovernanceApi;
import org.linli.governance.VoteOpened;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The in-app notice of an opened vote (送达), to every owner on its roll; governance records the service itself, and
 * owners without an account are served on paper.
 */
@Component
class GovernanceNotifications {

	private static final DateTimeFormatter CLOSES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NotificationApi notifications;

	private final GovernanceApi governance;

	GovernanceNotifications(NotificationApi notifications, GovernanceApi governance) {
		this.notifications = notifications;
		this.governance = governance;
	}

	@ApplicationModuleListener
	void on(VoteOpened e) {
		Set<java.util.UUID> owners = Set.copyOf(this.governance.noticeRecipients(e.voteId()));
		if (owners.isEmpty()) {
			return;
		}
		this.notifications.notify(new Notice(e.communityId(), new Recipients(Set.of(), owners, Set.of()), "VOTE",
				"notification.vote.opened", "notification.vote.opened.body",
				List.of(e.title(), CLOSES.format(e.closesAt()), "#{governance.matter." + e.matter().name() + "}"),
				"/app/votes/" + e.voteId(), "vote:" + e.voteId() + ":opened", false));
	}

}
