package org.linli.registry;

import java.util.Set;
import java.util.UUID;

/**
 * A person living in a room, as services that act for residents need them: the room and household, the birth year
 * (for age limits such as elderly meals) and the registry tags (elderly living alone, needs care, low income, ...).
 */
public record Occupant(UUID personId, UUID communityId, UUID householdId, UUID roomId, String roomLabel, String name,
		Integer birthYear, Set<String> tags) {

	public boolean hasAnyTag(Set<String> wanted) {
		return this.tags.stream().anyMatch(wanted::contains);
	}

}
