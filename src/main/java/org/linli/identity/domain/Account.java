package org.linli.identity.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.Role;

/** An account as stored; state changes go through {@link AccountService}. */
public record Account(UUID id, String username, String passwordHash, String displayName, UUID personId,
		boolean enabled, boolean mustChangePassword, int failedAttempts, Instant lockedUntil, String totpSecret,
		boolean totpEnabled, Long totpLastStep, String language, boolean elderlyMode, boolean demo,
		Instant createdAt, Set<Role> roles, Set<UUID> communityIds, int version) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/** Staff and administrators must use a second factor, except the demo accounts. */
	public boolean secondFactorRequired(boolean policyOn) {
		return policyOn && !this.demo && this.roles.stream().anyMatch(Role::requiresSecondFactor);
	}

}
