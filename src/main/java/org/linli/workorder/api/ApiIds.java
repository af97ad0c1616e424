package org.linli.workorder.api;

import java.util.UUID;

import org.linli.shared.web.DomainException;

/** Ids arrive as strings so that a malformed one is a field error (400 with errors[].field), not an unreadable body. */
final class ApiIds {

	private ApiIds() {
	}

	static UUID parse(String field, String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(id.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, "workorder.id.invalid");
		}
	}

}
