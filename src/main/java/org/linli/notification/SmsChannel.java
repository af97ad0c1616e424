package org.linli.notification;

/**
 * Sends urgent notices by SMS. The default implementation only logs; a deployment provides a bean of this type
 * for its SMS gateway, which looks up the account's number itself.
 */
public interface SmsChannel {

	/** Answers false when the message could not be sent. */
	boolean send(OutboundMessage message);

}
