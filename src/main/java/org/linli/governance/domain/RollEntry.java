package org.linli.governance.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One counted owner on a vote's roll: one head, the summed exclusive area of its rooms. {@code designated} is the
 * person who casts its ballot online (the first recorded owner); developer entries have none.
 */
public record RollEntry(UUID voterId, int position, Kind kind, List<UUID> roomIds, String roomsLabel,
		List<UUID> personIds, String ownerNames, UUID designated, BigDecimal area, String areaSources) {

	public enum Kind {
		OWNER, DEVELOPER
	}

	public RollEntry {
		roomIds = List.copyOf(roomIds);
		personIds = List.copyOf(personIds);
	}

}
