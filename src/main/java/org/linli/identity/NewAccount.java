package org.linli.identity;

import java.util.Set;
import java.util.UUID;

/**
 * What it takes to open an account. A temporary password must be changed at the first page sign-in; demo accounts
 * skip the second factor.
 */
public record NewAccount(String username, String password, String displayName, Set<Role> roles,
		Set<UUID> communityIds, UUID personId, boolean temporaryPassword, boolean demo) {
}
