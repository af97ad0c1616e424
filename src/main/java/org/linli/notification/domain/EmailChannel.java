package org.linli.notification.domain;

import org.linli.notification.OutboundMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail copies of notices, only when SMTP is configured ({@code spring.mail.host}). */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailChannel {

	private final JavaMailSender mail;

	private final String from;

	EmailChannel(JavaMailSender mail, @Value("${linli.notification.mail-from:noreply@linli.local}") String from) {
		this.mail = mail;
		this.from = from;
	}

	boolean send(OutboundMessage message) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(message.email());
		mail.setSubject(message.subject());
		mail.setText(message.link() == null ? message.text() : message.text() + "\n\n" + message.link());
		this.mail.send(mail);
		return true;
	}

}
