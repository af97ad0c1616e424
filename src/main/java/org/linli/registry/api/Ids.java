package org.linli.registry.api;

import java.util.UUID;

/** Opaque ids arrive as strings; a malformed one simply matches nothing, and the service says which field. */
final class Ids {

	private Ids() {
	}

	static UUID parse(String id) {
		try {
			return id == null ? null : UUID.fromString(id.trim());
		}
		catch (IllegalArgumentException ex) {
			return new UUID(0, 0);
		}
	}

}
