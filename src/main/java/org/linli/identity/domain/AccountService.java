package org.linli.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.shared.DemoMode;
import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.web.DomainException;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation under the password policy, sign-in bookkeeping, second factor and preferences. */
@Service
public class AccountService implements UserDetailsService {

	private final AccountRepository accounts;

	private final CommunityScopes scopes;

	private final PasswordEncoder passwordEncoder;

	private final FieldCipher cipher;

	private final SecuritySettings settings;

	private final DemoMode demoMode;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, FieldCipher cipher,
			SecuritySettings settings, DemoMode demoMode, Clock clock, CommunityScopes scopes) {
		this.accounts = accounts;
		this.scopes = scopes;
		this.passwordEncoder = passwordEncoder;
		this.cipher = cipher;
		this.settings = settings;
		this.demoMode = demoMode;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.map(this::toCurrentUser)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(UUID id) {
		return this.accounts.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByUsername(String username) {
		return this.accounts.findByUsername(username);
	}

	@Transactional(readOnly = true)
	public List<Account> list() {
		return this.accounts.findAll();
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.accounts.exists(username);
	}

	@Transactional
	public UUID create(NewAccount request) {
		String username = request.username() == null ? "" : request.username().trim();
		if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
			throw DomainException.invalid("username", "account.username.invalid");
		}
		if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
			throw DomainException.invalid("displayName", "account.displayName.invalid");
		}
		if (request.roles() == null || request.roles().isEmpty()) {
			throw DomainException.invalid("roles", "account.roles.empty");
		}
		if (Role.breaksSeparationOfDuties(request.roles())) {
			throw DomainException.invalid("roles", "account.roles.separation");
		}
		Set<UUID> regionIds = request.regionIds() == null ? Set.of() : request.regionIds();
		if (!regionIds.isEmpty() && !request.roles().equals(Set.of(Role.STREET_OFFICER))) {
			throw DomainException.invalid("regionIds", "account.regions.officerOnly");
		}
		if (request.demo() && !this.demoMode.enabled()) {
			throw DomainException.invalid("username", "account.demo.forbidden");
		}
		PasswordPolicy.check("password", username, request.password());
		if (this.accounts.exists(username)) {
			throw DomainException.conflict("account.username.taken", username);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.accounts.insert(new Account(id, username, this.passwordEncoder.encode(request.password()),
				request.displayName().trim(), request.personId(), true, request.temporaryPassword(), 0, null, null,
				false, null, null, false, request.demo(), now, request.roles(),
				request.communityIds() == null ? Set.of() : request.communityIds(), 0), regionIds);
		return id;
	}

	/**
	 * Counts a failed sign-in; the account locks for the configured time at the configured number of failures. Runs
	 * in its own transaction so the count survives the failed authentication.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String username) {
		this.accounts.lockForUpdate(username).ifPresent(account -> {
			Instant now = this.clock.instant();
			boolean lockExpired = account.lockedUntil() != null && !account.lockedAt(now);
			int failures = (lockExpired ? 0 : account.failedAttempts()) + 1;
			Instant lockedUntil = failures >= this.settings.lockout().maxFailures()
					? now.plus(this.settings.lockout().duration()) : (lockExpired ? null : account.lockedUntil());
			this.accounts.updateFailures(account.id(), failures, lockedUntil);
		});
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username) {
		this.accounts.findByUsername(username)
			.filter(account -> account.failedAttempts() > 0 || account.lockedUntil() != null)
			.ifPresent(account -> this.accounts.updateFailures(account.id(), 0, null));
	}

	/** A registry person was merged into another: their accounts now belong to the kept record. */
	@Transactional
	public int personMerged(UUID mergedPersonId, UUID keptPersonId) {
		return this.accounts.repointPerson(mergedPersonId, keptPersonId);
	}

	@Transactional
	public void unlock(UUID id) {
		this.accounts.unlock(id);
	}

	@Transactional
	public void setEnabled(UUID id, boolean enabled) {
		this.accounts.updateEnabled(id, enabled);
	}

	@Transactional
	public void changePassword(UUID id, String currentPassword, String newPassword) {
		Account account = this.accounts.findById(id).orElseThrow();
		if (!this.passwordEncoder.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
			throw DomainException.invalid("currentPassword", "password.current.wrong");
		}
		PasswordPolicy.check("newPassword", account.username(), newPassword);
		if (this.passwordEncoder.matches(newPassword, account.passwordHash())) {
			throw DomainException.invalid("newPassword", "password.policy.reuse");
		}
		this.accounts.updatePassword(id, this.passwordEncoder.encode(newPassword), false, this.clock.instant());
	}

	/** Whether this account must pass a TOTP check at sign-in, or enrol first. */
	public boolean secondFactorRequired(Account account) {
		return account.secondFactorRequired(this.settings.requireTotpForStaff());
	}

	/** Starts enrolment: a fresh secret is kept (encrypted) but not yet in force. */
	@Transactional
	public String beginTotpEnrolment(UUID id) {
		String secret = Totp.newSecret();
		this.accounts.updateTotp(id, this.cipher.encrypt(secret), false);
		return secret;
	}

	@Transactional
	public void confirmTotpEnrolment(UUID id, String code) {
		Account account = this.accounts.findById(id).orElseThrow();
		if (account.totpSecret() == null) {
			throw DomainException.invalid("code", "totp.enrol.notStarted");
		}
		String secret = this.cipher.decrypt(account.totpSecret());
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			throw DomainException.invalid("code", "totp.code.wrong");
		}
		this.accounts.updateTotp(id, account.totpSecret(), true);
		this.accounts.useTotpStep(id, step.getAsLong());
	}

	/** Checks a sign-in code; a code is accepted once only. */
	@Transactional
	public boolean verifyTotp(UUID id, String code) {
		Account account = this.accounts.findById(id).orElseThrow();
		if (!account.totpEnabled() || account.totpSecret() == null) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(this.cipher.decrypt(account.totpSecret()), code, this.clock.instant());
		return step.isPresent() && this.accounts.useTotpStep(id, step.getAsLong());
	}

	@Transactional
	public void resetTotp(UUID id) {
		this.accounts.updateTotp(id, null, false);
	}

	@Transactional
	public void setLanguage(UUID id, Locale locale) {
		this.accounts.updateLanguage(id, locale.toLanguageTag());
	}

	@Transactional
	public void setElderlyMode(UUID id, boolean on) {
		this.accounts.updateElderlyMode(id, on);
	}

	CurrentUser toCurrentUser(Account account) {
		return new CurrentUser(account.id(), account.username(), account.passwordHash(), account.displayName(),
				account.roles(), this.scopes.communities(account.communityIds(), this.accounts.regionIds(account.id())),
				account.personId(), account.enabled(), account.lockedAt(this.clock.instant()));
	}

	public CurrentUser currentUserOf(Account account) {
		CurrentUser user = toCurrentUser(account);
		user.eraseCredentials();
		return user;
	}

}
