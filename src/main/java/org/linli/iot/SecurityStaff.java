package org.linli.iot;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who works the security system of a community: property managers and staff (and the platform administrator). */
@Component
public class SecurityStaff {

	public static final Set<Role> ROLES = EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.PLATFORM_ADMIN);

	public static final Set<Role> MANAGERS = EnumSet.of(Role.PROPERTY_MANAGER, Role.PLATFORM_ADMIN);

	private final CommunityAccess access;

	SecurityStaff(CommunityAccess access) {
		this.access = access;
	}

	public CurrentUser require(UUID communityId) {
		return require(communityId, ROLES);
	}

	public CurrentUser requireManager(UUID communityId) {
		return require(communityId, MANAGERS);
	}

	private CurrentUser require(UUID communityId, Set<Role> roles) {
		CurrentUser user = this.access.require(communityId);
		if (!user.hasAnyRole(roles)) {
			throw new AccessDeniedException("not security staff");
		}
		return user;
	}

}
