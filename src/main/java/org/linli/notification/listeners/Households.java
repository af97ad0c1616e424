package org.linli.notification.listeners;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.linli.notification.Recipients;
import org.linli.registry.Occupant;
import org.linli.registry.RegistryApi;

import org.springframework.stereotype.Component;

/** The household living in a room, as recipients: its members' accounts get the notice. */
@Component
class Households {

	private final RegistryApi registry;

	Households(RegistryApi registry) {
		this.registry = registry;
	}

	Recipients of(UUID communityId, UUID roomId) {
		Set<UUID> persons = this.registry.occupants(communityId, roomId).stream().map(Occupant::personId)
			.collect(Collectors.toSet());
		return new Recipients(Set.of(), persons, Set.of());
	}

}
