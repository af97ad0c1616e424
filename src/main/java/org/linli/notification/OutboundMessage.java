package org.linli.notification;

import java.util.UUID;

/** A notice rendered for one account, as a channel (e-mail, SMS, WeChat) sends it. */
public record OutboundMessage(UUID accountId, String username, String email, String subject, String text,
		String link) {
}
