package org.linli.identity;

import java.util.Set;
import java.util.UUID;

/**
 * What it takes to open an account. A temporary password must be changed at the first page sign-in; demo accounts
 * skip the second factor. Street officers may be scoped by region ({@code regionIds}) instead of single communities.
 */
public record NewAccount(String username, String password, String displayName, Set<Role> roles,
		Set<UUID> communityIds, UUID personId, boolean temporaryPassword, boolean demo, Set<UUID> regionIds) {

	/** An account scoped by communities only. */
	public NewAccount(String username, String password, String displayName, Set<Role> roles, Set<UUID> communityIds,
			UUID personId, boolean temporaryPassword, boolean demo) {
		this(username, password, displayName, roles, communityIds, personId, temporaryPassword, demo, Set.of());
	}

}
