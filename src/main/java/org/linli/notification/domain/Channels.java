package org.linli.notification.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.AccountRef;
import org.linli.notification.Notice;
import org.linli.notification.OutboundMessage;
import org.linli.notification.SmsChannel;
import org.linli.notification.WeChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies of a notice outside the inbox: e-mail when SMTP is configured and the account gave an address, SMS for
 * urgent notices, WeChat for residents' notices. A failing channel is recorded and never loses the inbox notice.
 */
@Component
class Channels {

	private static final Logger log = LoggerFactory.getLogger(Channels.class);

	private final ObjectProvider<EmailChannel> email;

	private final SmsChannel sms;

	private final WeChatChannel weChat;

	private final NoticeText text;

	private final JdbcClient jdbc;

	private final Clock clock;

	Channels(ObjectProvider<EmailChannel> email, SmsChannel sms, WeChatChannel weChat, NoticeText text,
			JdbcClient jdbc, Clock clock) {
		this.email = email;
		this.sms = sms;
		this.weChat = weChat;
		this.text = text;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void send(UUID noticeId, AccountRef account, Notice notice) {
		Locale locale = account.language() == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(account.language());
		String subject = this.text.render(notice.titleKey(), notice.args(), locale);
		String text = notice.bodyKey() == null ? subject : this.text.render(notice.bodyKey(), notice.args(), locale);
		Optional<String> address = this.jdbc.sql("select email from notification.contact where account_id = :a")
			.param("a", account.id()).query(String.class).optional().filter(e -> e != null && !e.isBlank());
		OutboundMessage message = new OutboundMessage(account.id(), account.username(), address.orElse(null), subject,
				text, notice.link());
		EmailChannel mail = this.email.getIfAvailable();
		if (mail != null && address.isPresent()) {
			record(noticeId, "EMAIL", attempt(() -> mail.send(message)));
		}
		if (notice.urgent()) {
			record(noticeId, "SMS", attempt(() -> this.sms.send(message)));
		}
		if (account.personId() != null) {
			record(noticeId, "WECHAT", attempt(() -> this.weChat.send(message)));
		}
	}

	private static boolean attempt(java.util.function.BooleanSupplier send) {
		try {
			return send.getAsBoolean();
		}
		catch (RuntimeException ex) {
			log.warn("A notification channel failed: {}", ex.toString());
			return false;
		}
	}

	private void record(UUID noticeId, String channel, boolean sent) {
		this.jdbc.sql("""
				insert into notification.delivery (id, notice_id, channel, status, at) values (:id, :n, :c, :s, :at)
				""").param("id", UUID.randomUUID()).param("n", noticeId).param("c", channel)
			.param("s", sent ? "SENT" : "FAILED").param("at", Timestamp.from(this.clock.instant())).update();
	}

}
