package org.linli.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as every module sees it: roles, community scope and preferences. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Set<Role> roles;

	private final Set<UUID> communityIds;

	private final UUID personId;

	private final boolean enabled;

	private final boolean locked;

	public CurrentUser(UUID id, String username, String passwordHash, String displayName, Set<Role> roles,
			Set<UUID> communityIds, UUID personId, boolean enabled, boolean locked) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.communityIds = Set.copyOf(communityIds);
		this.personId = personId;
		this.enabled = enabled;
		this.locked = locked;
	}

	public UUID id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public Set<UUID> communityIds() {
		return this.communityIds;
	}

	/** The registry person this account belongs to (residents), or null. */
	public UUID personId() {
		return this.personId;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(Collection<Role> wanted) {
		return wanted.stream().anyMatch(this.roles::contains);
	}

	public boolean isStaff() {
		return Role.anyStaff(this.roles);
	}

	/** Platform administrators serve every community; everyone else only those assigned to them. */
	public boolean servesAllCommunities() {
		return this.roles.contains(Role.PLATFORM_ADMIN);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.roles.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.username + "]";
	}

}
