package org.linli.access.domain;

import org.linli.registry.PersonMovedOut;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Moving out ends a person's access: credentials off the platform and off every door (DOMAIN.md §4). */
@Component
class MoveOutListener {

	private final Credentials credentials;

	MoveOutListener(Credentials credentials) {
		this.credentials = credentials;
	}

	@ApplicationModuleListener
	void on(PersonMovedOut event) {
		this.credentials.removeAll(event.communityId(), event.personId(), "MOVED_OUT");
	}

}
