package org.linli.renovation;

import java.util.Set;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;

/** Who acts: the account, its username and roles. */
public record Actor(UUID accountId, String username, Set<Role> roles) {

	public static Actor of(CurrentUser user) {
		return new Actor(user.id(), user.getUsername(), user.roles());
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
