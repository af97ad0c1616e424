package org.linli.governance.domain;

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
 * Who may do what in governance, on top of the community scope (API.md "Governance"): the owners' committee runs
 * votes and reviews proposals; committee and property staff enter and confirm paper and proxy ballots; the street
 * office reads; residents vote for themselves and see the roll masked. Meetings are kept by the committee and the
 * property manager; mediation by property staff and the committee.
 */
@Component
public class GovernanceAccess {

	public enum Duty {

		/** Create, open and close votes; review proposals; rule documents and settings. */
		RUN_VOTES(EnumSet.of(Role.COMMITTEE_MEMBER, Role.PLATFORM_ADMIN)),

		/** Enter, confirm and refuse paper and proxy ballots. */
		ENTER_BALLOTS(EnumSet.of(Role.COMMITTEE_MEMBER, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.PLATFORM_ADMIN)),

		/** See votes, the full roll, ballots, meetings and mediation cases. */
		READ(EnumSet.of(Role.COMMITTEE_MEMBER, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.STREET_OFFICER,
				Role.PLATFORM_ADMIN)),

		/** Joint meetings: agenda, attendance, minutes, action items. */
		KEEP_MEETINGS(EnumSet.of(Role.COMMITTEE_MEMBER, Role.PROPERTY_MANAGER, Role.PLATFORM_ADMIN)),

		/** Mediation cases. */
		MEDIATE(EnumSet.of(Role.COMMITTEE_MEMBER, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.PLATFORM_ADMIN)),

		/** Vote for oneself, draft proposals, see the masked roll. */
		OWN(EnumSet.of(Role.RESIDENT));

		private final Set<Role> roles;

		Duty(Set<Role> roles) {
			this.roles = roles;
		}

		public Set<Role> roles() {
			return this.roles;
		}

	}

	private final CommunityAccess communities;

	private final IdentityApi identity;

	GovernanceAccess(CommunityAccess communities, IdentityApi identity) {
		this.communities = communities;
		this.identity = identity;
	}

	/** Throws 403 unless the current account serves the community and has one of the duty's roles. */
	public CurrentUser require(UUID communityId, Duty duty) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(duty.roles())) {
			throw new AccessDeniedException("governance: " + duty + " refused");
		}
		return user;
	}

	/** Throws 403 unless the account serves the community with any of the duties. */
	public CurrentUser requireAny(UUID communityId, Duty... duties) {
		CurrentUser user = this.communities.require(communityId);
		for (Duty duty : duties) {
			if (user.hasAnyRole(duty.roles())) {
				return user;
			}
		}
		throw new AccessDeniedException("governance: refused");
	}

	/** For showing or hiding actions, not for guarding. */
	public boolean may(UUID communityId, Duty duty) {
		return this.identity.currentUser()
			.filter(user -> CommunityAccess.allows(user, communityId) && user.hasAnyRole(duty.roles()))
			.isPresent();
	}

	public CurrentUser current() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

}
