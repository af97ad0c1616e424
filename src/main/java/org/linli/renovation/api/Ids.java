package org.linli.renovation.api;

import java.util.UUID;

/** Opaque ids arrive as strings; a malformed one matches nothing and the service names the field. */
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
