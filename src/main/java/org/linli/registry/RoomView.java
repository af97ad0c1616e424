package org.linli.registry;

import java.math.BigDecimal;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;

/** A room as the API lists it (API.md). */
public record RoomView(UUID id, UUID buildingId, String unit, int floor, String number, BigDecimal exclusiveArea,
		AreaSource areaSource) {
}
