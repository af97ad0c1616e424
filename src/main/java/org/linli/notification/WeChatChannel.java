package org.linli.notification;

/**
 * Sends notices to residents through a WeChat official account (template messages). The default implementation only
 * logs; a deployment provides a bean of this type bound to its official account.
 */
public interface WeChatChannel {

	/** Answers false when the message could not be sent. */
	boolean send(OutboundMessage message);

}
