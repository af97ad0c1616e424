package org.linli.identity;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The compounds under regions, for accounts scoped by region (a street officer serves every compound of their street,
 * including compounds placed there later). Implemented by the registry, which owns regions; identity only asks, so the
 * dependency runs registry -> identity.
 */
public interface RegionScope {

	/** Every community placed under any of the regions or their sub-regions. */
	Set<UUID> communitiesWithin(Collection<UUID> regionIds);

	/** The region the community is placed in and every region above it (empty when it is placed nowhere). */
	Set<UUID> regionsAbove(UUID communityId);

}
