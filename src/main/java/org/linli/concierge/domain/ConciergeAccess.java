package org.linli.concierge.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.Occupant;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what at the station, on top of the community scope: property staff run it (managers also change the
 * settings); everyone else who lives in the community acts for their own household only, never another's.
 */
@Component
public class ConciergeAccess {

	static final Set<Role> OPERATORS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF);

	static final Set<Role> MANAGERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER);

	private final CommunityAccess communities;

	private final IdentityApi identity;

	private final RegistryApi registry;

	ConciergeAccess(CommunityAccess communities, IdentityApi identity, RegistryApi registry) {
		this.communities = communities;
		this.identity = identity;
		this.registry = registry;
	}

	/** Property staff of the community: register parcels, confirm bookings, order meals for residents. */
	public Caller requireOperator(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(OPERATORS)) {
			throw new AccessDeniedException("concierge operators only");
		}
		return Caller.staff(user.getUsername());
	}

	/** Property managers of the community: the station's settings. */
	public Caller requireManager(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(MANAGERS)) {
			throw new AccessDeniedException("concierge managers only");
		}
		return Caller.staff(user.getUsername());
	}

	/**
	 * Staff of the community, or a person living in it (acting for their household); anyone else is refused.
	 */
	public Caller require(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (user.hasAnyRole(OPERATORS)) {
			return Caller.staff(user.getUsername());
		}
		Occupant home = homeOf(user);
		if (home == null || !home.communityId().equals(communityId)) {
			throw new AccessDeniedException("not a resident of community " + communityId);
		}
		return new Caller(user.getUsername(), home);
	}

	/** The signed-in resident and their home, for the resident pages (404 without a household). */
	public Caller resident() {
		CurrentUser user = this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		Occupant home = homeOf(user);
		if (home == null) {
			throw DomainException.notFound("concierge.app.noHousehold");
		}
		return new Caller(user.getUsername(), home);
	}

	/** Whether the signed-in account runs the station of the community (to show or hide staff actions). */
	public boolean isOperator(UUID communityId) {
		return this.identity.currentUser()
			.filter(user -> CommunityAccess.allows(user, communityId) && user.hasAnyRole(OPERATORS))
			.isPresent();
	}

	private Occupant homeOf(CurrentUser user) {
		return user.personId() == null ? null : this.registry.occupant(user.personId()).orElse(null);
	}

}
