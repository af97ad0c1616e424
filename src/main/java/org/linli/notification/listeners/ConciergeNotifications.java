package org.linli.notification.listeners;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.linli.concierge.BookingChanged;
import org.linli.concierge.ParcelArrived;
import org.linli.notification.NotificationApi;
import org.linli.notification.Notice;
import org.linli.notification.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Convenience-station events as notices to the household living in the room: a parcel waiting with its pickup code,
 * and a booking that staff confirmed, completed or cancelled (a household's own cancellation tells nobody).
 */
@Component
class ConciergeNotifications {

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final NotificationApi notifications;

	private final Households households;

	ConciergeNotifications(NotificationApi notifications, Households households) {
		this.notifications = notifications;
		this.households = households;
	}

	@ApplicationModuleListener
	void on(ParcelArrived e) {
		Recipients household = this.households.of(e.communityId(), e.roomId());
		if (household.isEmpty()) {
			return;
		}
		this.notifications.notify(new Notice(e.communityId(), household, "PARCEL", "notification.concierge.parcel",
				"notification.concierge.parcel.body", List.of(e.pickupCode(), e.carrier() == null ? "" : e.carrier()),
				"/app/parcels", "parcel:" + e.parcelId(), false));
	}

	@ApplicationModuleListener
	void on(BookingChanged e) {
		if (e.byResident() || "REQUESTED".equals(e.status())) {
			return;
		}
		Recipients household = this.households.of(e.communityId(), e.roomId());
		if (household.isEmpty()) {
			return;
		}
		String key = "notification.concierge.booking." + e.status().toLowerCase(java.util.Locale.ROOT);
		this.notifications.notify(new Notice(e.communityId(), household, "BOOKING", key, null,
				List.of(e.serviceName(), SLOT.format(e.slotStart())), "/app/services",
				"booking:" + e.bookingId() + ":" + e.status(), false));
	}

}
