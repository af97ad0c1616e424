package org.linli.registry.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's answer to identity: which compounds lie under a region, at any depth, and the reverse. */
@Component
class RegionCommunities implements RegionScope {

	private final JdbcClient jdbc;

	RegionCommunities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<UUID> communitiesWithin(Collection<UUID> regionIds) {
		if (regionIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("""
				with recursive under (id) as (
				    select id from registry.region where id in (:regions)
				    union
				    select r.id from registry.region r join under u on r.parent_id = u.id
				)
				select c.id from registry.community c join under u on c.region_id = u.id
				""").param("regions", regionIds).query(UUID.class).list());
	}

	@Override
	public Set<UUID> regionsAbove(UUID communityId) {
		return Set.copyOf(this.jdbc.sql("""
				with recursive above (id, parent_id) as (
				    select r.id, r.parent_id from registry.region r
				      join registry.community c on c.region_id = r.id where c.id = :c
				    union
				    select r.id, r.parent_id from registry.region r join above a on r.id = a.parent_id
				)
				select id from above
				""").param("c", communityId).query(UUID.class).list());
	}

}
