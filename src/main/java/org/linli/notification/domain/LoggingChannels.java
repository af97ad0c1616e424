package org.linli.notification.domain;

import org.linli.notification.OutboundMessage;
import org.linli.notification.SmsChannel;
import org.linli.notification.WeChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMS and WeChat until a deployment provides its gateways: the message is logged with the account's username only
 * (no phone number, no text body), so the log carries no personal data.
 */
@Configuration(proxyBeanMethods = false)
class LoggingChannels {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannels.class);

	@Bean
	@ConditionalOnMissingBean
	SmsChannel loggingSmsChannel() {
		return message -> log(message, "SMS");
	}

	@Bean
	@ConditionalOnMissingBean
	WeChatChannel loggingWeChatChannel() {
		return message -> log(message, "WeChat");
	}

	private static boolean log(OutboundMessage message, String channel) {
		log.info("{} to {}: {}", channel, message.username(), message.subject());
		return true;
	}

}
