package org.linli.registry;

import java.util.UUID;

/**
 * A room as other modules address it: its household (null when nobody lives there) and a short label such as
 * {@code 1号楼 1-101} for lists, slips and delivery routes.
 */
public record RoomRef(UUID communityId, UUID roomId, UUID householdId, String label) {
}
