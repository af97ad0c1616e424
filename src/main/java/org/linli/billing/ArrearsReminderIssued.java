package org.linli.billing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder notice about unpaid bills was issued for a room (催缴通知); the notification module delivers it to the
 * household's members in the app. The printable notice is in the billing pages.
 */
public record ArrearsReminderIssued(UUID communityId, UUID reminderId, UUID roomId, UUID householdId,
		long outstandingFen, LocalDate oldestDue) {
}
