/**
 * Notifications: the in-app inbox of residents and staff, fed by other modules' events, with copies by e-mail (when
 * SMTP is configured), SMS and WeChat (behind {@link org.linli.notification.SmsChannel} and
 * {@link org.linli.notification.WeChatChannel}). Other modules' events are turned into notices by one small listener
 * each under {@code listeners/}, calling {@link org.linli.notification.NotificationApi#notify(Notice)}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.linli.notification;
