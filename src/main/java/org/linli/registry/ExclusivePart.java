package org.linli.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;

/**
 * A room as an exclusive part (专有部分) on a given day, for the owners' voter roll: its exclusive area with the source
 * the registry holds (registered, else surveyed, else contract), whether the developer holds it, and its current owner
 * persons (several = co-owners; the earliest first, then the one registered as 业主, then by name). A room with no current ownership has no owners and
 * is not developer-held.
 */
public record ExclusivePart(UUID roomId, String building, String unit, String number, BigDecimal area,
		AreaSource areaSource, boolean developerHeld, List<UUID> ownerIds, List<String> ownerNames) {

	public ExclusivePart {
		ownerIds = List.copyOf(ownerIds);
		ownerNames = List.copyOf(ownerNames);
	}

}
