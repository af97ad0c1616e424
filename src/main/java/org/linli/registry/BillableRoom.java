package org.linli.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A room as billing needs it: exclusive area, use, building, and who occupies it since and until when (the
 * household's move-in date; the last move-out date once nobody lives there any more). No household: a vacant room.
 */
public record BillableRoom(UUID roomId, UUID buildingId, String building, String unit, String number,
		BigDecimal exclusiveArea, String use, UUID householdId, LocalDate occupiedFrom, LocalDate occupiedUntil) {
}
