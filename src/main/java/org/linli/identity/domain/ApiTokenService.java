package org.linli.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the open API. Only a SHA-256 hash is stored, so a database dump yields no usable token;
 * tokens expire and can be revoked one by one or all at once for an account.
 */
@Service
public class ApiTokenService {

	public record IssuedToken(String value, long expiresInSeconds) {
	}

	private static final String PREFIX = "lnl_";

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final SecuritySettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(JdbcClient jdbc, AccountService accounts, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(UUID accountId) {
		byte[] raw = new byte[32];
		this.random.nextBytes(raw);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.settings.tokenLifetime());
		this.jdbc.sql("""
				insert into identity.api_token (id, account_id, token_hash, created_at, expires_at)
				values (:id, :account, :hash, :now, :expires)
				""")
			.param("id", UUID.randomUUID())
			.param("account", accountId)
			.param("hash", hash(value))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		return new IssuedToken(value, this.settings.tokenLifetime().toSeconds());
	}

	/** The account behind a live token, if the token is known, unexpired, unrevoked and the account usable. */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select account_id from identity.api_token
				 where token_hash = :hash and revoked_at is null and expires_at > :now
				""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional()
			.flatMap(this.accounts::find)
			.filter(account -> account.enabled() && !account.lockedAt(now))
			.map(this.accounts::currentUserOf);
	}

	@Transactional
	public boolean revoke(String token) {
		return this.jdbc.sql("update identity.api_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("hash", hash(token))
			.update() == 1;
	}

	@Transactional
	public int revokeAll(UUID accountId) {
		return this.jdbc.sql("update identity.api_token set revoked_at = :now where account_id = :a and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("a", accountId)
			.update();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
