package org.linli.notification;

import java.util.List;
import java.util.UUID;

/**
 * A notice to put in recipients' inboxes. Title and body are message keys (prefix {@code notification.}) with
 * arguments, rendered in each reader's language. {@code dedupKey} (optional) makes a redelivered event harmless:
 * an account gets at most one notice per key. Urgent notices also go by SMS.
 */
public record Notice(UUID communityId, Recipients to, String kind, String titleKey, String bodyKey, List<String> args,
		String link, String dedupKey, boolean urgent) {

	public Notice {
		args = args == null ? List.of() : List.copyOf(args);
	}

}
