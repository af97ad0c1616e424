package org.linli.identity;

import java.util.Optional;
import java.util.UUID;

import org.linli.identity.domain.AccountDirectory;
import org.linli.identity.domain.AccountService;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** What other modules may ask of identity. */
@Service
public class IdentityApi {

	private final AccountService accounts;

	private final AccountDirectory directory;

	IdentityApi(AccountService accounts, AccountDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	/** The signed-in account of the current request, if any. */
	public Optional<CurrentUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public boolean accountExists(String username) {
		return this.accounts.exists(username);
	}

	/**
	 * The registry merged two records of one person: accounts that belonged to the merged record now belong to the
	 * kept one, so a resident keeps their household after staff clean up duplicates. Returns the accounts changed.
	 */
	public int personMerged(UUID mergedPersonId, UUID keptPersonId) {
		return this.accounts.personMerged(mergedPersonId, keptPersonId);
	}

	/** The id of the account with this username, if any. */
	public Optional<UUID> accountId(String username) {
		return this.accounts.findByUsername(username).map(org.linli.identity.domain.Account::id);
	}

	/** The registry person an account belongs to (residents), if any. */
	public Optional<UUID> personIdOf(String username) {
		return this.accounts.findByUsername(username).map(account -> account.personId());
	}

	/**
	 * A fresh second factor for a sensitive act (signing a disbursement, say): true when the code is a TOTP code of
	 * the account not used before, or when the account is exempt from the second factor (demo accounts, or the
	 * policy is off). An account that must use TOTP but has not enrolled is refused.
	 */
	public boolean confirmSecondFactor(UUID accountId, String code) {
		var account = this.accounts.find(accountId).orElse(null);
		if (account == null) {
			return false;
		}
		if (!this.accounts.secondFactorRequired(account)) {
			return true;
		}
		return this.accounts.verifyTotp(accountId, code);
	}

	/** Opens an account; the password must satisfy the policy. */
	public UUID createAccount(NewAccount account) {
		return this.accounts.create(account);
	}

	/** The enabled accounts that belong to a registry person (a resident may have none). */
	public java.util.List<AccountRef> accountsOfPerson(UUID personId) {
		return this.directory.ofPerson(personId);
	}

	/** The enabled accounts assigned to a community with any of the roles (staff by role). */
	public java.util.List<AccountRef> accountsInCommunity(UUID communityId, java.util.Collection<Role> roles) {
		return this.directory.inCommunity(communityId, roles);
	}

	public Optional<AccountRef> account(UUID id) {
		return this.directory.byId(id);
	}

}
