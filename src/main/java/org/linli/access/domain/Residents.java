package org.linli.access.domain;

import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.registry.HouseholdView;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The signed-in resident: their person, household and community, or a refusal. */
@Component
public class Residents {

	public record Me(UUID communityId, UUID personId, UUID householdId, CurrentUser user) {
	}

	private final IdentityApi identity;

	private final RegistryApi registry;

	Residents(IdentityApi identity, RegistryApi registry) {
		this.identity = identity;
		this.registry = registry;
	}

	public Me me() {
		CurrentUser user = this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		if (user.personId() == null) {
			throw DomainException.notFound("access.household.none");
		}
		HouseholdView household = this.registry.householdOf(user.personId())
			.orElseThrow(() -> DomainException.notFound("access.household.none"));
		return new Me(household.communityId(), user.personId(), household.householdId(), user);
	}

}
