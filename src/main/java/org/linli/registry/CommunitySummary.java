package org.linli.registry;

import java.util.UUID;

/** A compound with its counts, as GET /api/v1/communities shows it. */
public record CommunitySummary(UUID id, String code, String name, String address, long buildings, long rooms,
		long households, long persons) {
}
