package org.linli.notification;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.Role;

/**
 * Who a notice goes to: accounts by id, residents by registry person id (their accounts), staff by role within the
 * notice's community. Each account gets the notice once, whichever way it was named.
 */
public record Recipients(Set<UUID> accounts, Set<UUID> persons, Set<Role> roles) {

	public Recipients {
		accounts = Set.copyOf(accounts);
		persons = Set.copyOf(persons);
		roles = Set.copyOf(roles);
	}

	public static Recipients account(UUID accountId) {
		return new Recipients(accountId == null ? Set.of() : Set.of(accountId), Set.of(), Set.of());
	}

	public static Recipients person(UUID personId) {
		return new Recipients(Set.of(), personId == null ? Set.of() : Set.of(personId), Set.of());
	}

	public static Recipients roles(Role... roles) {
		return new Recipients(Set.of(), Set.of(), Set.of(roles));
	}

	public Recipients and(Recipients other) {
		Set<UUID> a = new HashSet<>(this.accounts);
		a.addAll(other.accounts);
		Set<UUID> p = new HashSet<>(this.persons);
		p.addAll(other.persons);
		Set<Role> r = new HashSet<>(this.roles);
		r.addAll(other.roles);
		return new Recipients(a, p, r);
	}

	public boolean isEmpty() {
		return this.accounts.isEmpty() && this.persons.isEmpty() && this.roles.isEmpty();
	}

}
