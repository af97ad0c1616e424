package org.linli.identity.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.RegionScope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The communities an account serves: those assigned to it, plus every compound under its regions, looked up on each
 * sign-in and API request so a compound placed under a street later is served at once.
 */
@Component
class CommunityScopes {

	private final ObjectProvider<RegionScope> regions;

	CommunityScopes(ObjectProvider<RegionScope> regions) {
		this.regions = regions;
	}

	Set<UUID> communities(Set<UUID> assigned, Set<UUID> regionIds) {
		if (regionIds.isEmpty()) {
			return assigned;
		}
		RegionScope scope = this.regions.getIfAvailable();
		if (scope == null) {
			return assigned;
		}
		Set<UUID> all = new HashSet<>(assigned);
		all.addAll(scope.communitiesWithin(regionIds));
		return all;
	}

	/** The regions a community lies in, from its street up; empty without a registry or a placement. */
	Set<UUID> regionsAbove(UUID communityId) {
		RegionScope scope = this.regions.getIfAvailable();
		return scope == null ? Set.of() : scope.regionsAbove(communityId);
	}

}
