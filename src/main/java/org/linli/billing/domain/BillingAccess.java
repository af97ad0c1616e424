package org.linli.billing.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in billing, on top of the community scope: property staff keep the books, the property manager
 * approves refunds, street officers read the figures; residents reach only their own household's bills.
 */
@Component
public class BillingAccess {

	public static final Set<Role> KEEPERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER,
			Role.PROPERTY_STAFF);

	public static final Set<Role> APPROVERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER);

	public static final Set<Role> FIGURE_READERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER,
			Role.PROPERTY_STAFF, Role.STREET_OFFICER);

	private final CommunityAccess communities;

	private final IdentityApi identity;

	BillingAccess(CommunityAccess communities, IdentityApi identity) {
		this.communities = communities;
		this.identity = identity;
	}

	public CurrentUser requireKeeper(UUID communityId) {
		return require(communityId, KEEPERS);
	}

	public CurrentUser requireApprover(UUID communityId) {
		return require(communityId, APPROVERS);
	}

	public CurrentUser requireFigures(UUID communityId) {
		return require(communityId, FIGURE_READERS);
	}

	public boolean mayKeep(UUID communityId) {
		return allowed(communityId, KEEPERS);
	}

	public boolean mayApprove(UUID communityId) {
		return allowed(communityId, APPROVERS);
	}

	public CurrentUser current() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

	public Optional<CurrentUser> currentUser() {
		return this.identity.currentUser();
	}

	private boolean allowed(UUID communityId, Set<Role> roles) {
		return this.identity.currentUser()
			.filter(user -> CommunityAccess.allows(user, communityId) && user.hasAnyRole(roles))
			.isPresent();
	}

	private CurrentUser require(UUID communityId, Set<Role> roles) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(roles)) {
			throw new AccessDeniedException("billing access refused");
		}
		return user;
	}

}
