package org.linli.notification.domain;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notice's title or body in the reader's language. An argument written {@code #{key}} is itself a message
 * key (an alarm type, a booking status), so the notice reads "烟雾报警" to one reader and "Smoke alarm" to another.
 */
@Component
public class NoticeText {

	private final MessageSource messages;

	NoticeText(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of the key with the arguments, or null for a null key (a notice without a body). */
	public String render(String key, List<String> args, Locale locale) {
		if (key == null) {
			return null;
		}
		Object[] resolved = args.stream().map(arg -> resolve(arg, locale)).toArray();
		return this.messages.getMessage(key, resolved, key, locale);
	}

	private String resolve(String arg, Locale locale) {
		if (arg != null && arg.startsWith("#{") && arg.endsWith("}")) {
			String key = arg.substring(2, arg.length() - 1);
			return this.messages.getMessage(key, null, key, locale);
		}
		return arg;
	}

}
