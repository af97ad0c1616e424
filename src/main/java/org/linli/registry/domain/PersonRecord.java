package org.linli.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person with decrypted identifiers; only ever leaves the registry masked by {@link PersonalDataPolicy}. */
public record PersonRecord(UUID id, UUID communityId, UUID householdId, String name, String idType, String idNumber,
		String phone, LocalDate birthDate, String gender, String relation, List<String> tags) {
}
