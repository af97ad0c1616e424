package org.linli.registry.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and change the community database, on top of the community scope: property staff keep it, street
 * officers and the committee read it; residents reach only their own household, through the resident pages.
 */
@Component
public class RegistryAccess {

	static final Set<Role> WRITERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF);

	static final Set<Role> READERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF,
			Role.STREET_OFFICER, Role.COMMITTEE_MEMBER, Role.TECHNICIAN);

	private final CommunityAccess communities;

	private final IdentityApi identity;

	RegistryAccess(CommunityAccess communities, IdentityApi identity) {
		this.communities = communities;
		this.identity = identity;
	}

	/** Whether the current account may read the community's registry (for showing or hiding, not for guarding). */
	public boolean mayRead(UUID communityId) {
		return allowed(communityId, READERS);
	}

	/** Whether the current account may change the community's registry. */
	public boolean mayWrite(UUID communityId) {
		return allowed(communityId, WRITERS);
	}

	private boolean allowed(UUID communityId, Set<Role> roles) {
		return this.identity.currentUser()
			.filter(user -> CommunityAccess.allows(user, communityId) && user.hasAnyRole(roles))
			.isPresent();
	}

	public CurrentUser requireRead(UUID communityId) {
		return require(communityId, READERS);
	}

	public CurrentUser requireWrite(UUID communityId) {
		return require(communityId, WRITERS);
	}

	private CurrentUser require(UUID communityId, Set<Role> roles) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(roles)) {
			throw new AccessDeniedException("registry access refused");
		}
		return user;
	}

}
