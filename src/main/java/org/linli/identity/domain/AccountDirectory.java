package org.linli.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.AccountRef;
import org.linli.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds enabled accounts by the person they belong to or by role within a community (recipients, technicians). */
@Service
public class AccountDirectory {

	private static final String COLUMNS = "a.id, a.username, a.display_name, a.person_id, a.language";

	/** Stands in for "no region" so that an empty list still makes valid SQL. */
	private static final UUID NO_REGION = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final CommunityScopes scopes;

	AccountDirectory(JdbcClient jdbc, CommunityScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public List<AccountRef> ofPerson(UUID personId) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from identity.account a where a.person_id = :p and a.enabled order by a.username")
			.param("p", personId)
			.query(AccountDirectory::row)
			.list();
	}

	/** Accounts assigned to the community holding any of the roles (platform administrators are not assigned). */
	@Transactional(readOnly = true)
	public List<AccountRef> inCommunity(UUID communityId, Collection<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		// assigned to the community, or scoped by a region it lies in (street officers)
		List<UUID> regions = new java.util.ArrayList<>(this.scopes.regionsAbove(communityId));
		regions.add(NO_REGION);
		return this.jdbc.sql("select distinct " + COLUMNS + """
				  from identity.account a
				  join identity.account_role ar on ar.account_id = a.id and ar.role in (:roles)
				 where a.enabled
				   and (exists (select 1 from identity.account_community ac
				                 where ac.account_id = a.id and ac.community_id = :c)
				        or exists (select 1 from identity.account_region ag
				                    where ag.account_id = a.id and ag.region_id in (:regions)))
				 order by a.username
				""")
			.param("c", communityId)
			.param("regions", regions)
			.param("roles", roles.stream().map(Role::name).toList())
			.query(AccountDirectory::row)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<AccountRef> byId(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.account a where a.id = :id")
			.param("id", id)
			.query(AccountDirectory::row)
			.optional();
	}

	private static AccountRef row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AccountRef(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getObject("person_id", UUID.class), rs.getString("language"));
	}

}
