package org.linli.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;

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

	private final SecuritySettings settings;

	private final Clock clock;

	private final CommunityScopes scopes;

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(JdbcClient jdbc, SecuritySettings settings, Clock clock, CommunityScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
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

	/**
	 * The account behind a live token, if the token is known, unexpired, unrevoked and the account usable. One query
	 * and no transaction: this runs on every API request.
	 */
	public Optional<CurrentUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.person_id,
				       array(select r.role from identity.account_role r where r.account_id = a.id) as roles,
				       array(select c.community_id from identity.account_community c where c.account_id = a.id)
				         as communities,
				       array(select g.region_id from identity.account_region g where g.account_id = a.id) as regions
				  from identity.api_token t
				  join identity.account a on a.id = t.account_id
				 where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now
				   and a.enabled and (a.locked_until is null or a.locked_until <= :now)
				""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"), null,
					rs.getString("display_name"), roles(rs.getArray("roles")),
					this.scopes.communities(uuids(rs.getArray("communities")), uuids(rs.getArray("regions"))),
					rs.getObject("person_id", UUID.class), true, false))
			.optional();
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object role : (Object[]) array.getArray()) {
			roles.add(Role.valueOf((String) role));
		}
		return roles;
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		Set<UUID> ids = new HashSet<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add((UUID) id);
		}
		return ids;
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
