package org.linli.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.linli.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = """
			id, username, password_hash, display_name, person_id, enabled, must_change_password, failed_attempts,
			locked_until, totp_secret, totp_enabled, totp_last_step, language, elderly_mode, demo, created_at, version
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.account where lower(username) = lower(:u)")
			.param("u", username)
			.query(this::row)
			.optional()
			.map(this::withScopes);
	}

	Optional<Account> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.account where id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(this::withScopes);
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from identity.account where lower(username) = lower(:u)")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	List<Account> findAll() {
		List<Account> accounts = this.jdbc.sql("select " + COLUMNS + " from identity.account order by username")
			.query(this::row)
			.list();
		Map<UUID, Set<Role>> roles = new HashMap<>();
		this.jdbc.sql("select account_id, role from identity.account_role").query((rs, n) -> {
			roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(Role.valueOf(rs.getString(2)));
			return null;
		}).list();
		Map<UUID, Set<UUID>> communities = new HashMap<>();
		this.jdbc.sql("select account_id, community_id from identity.account_community").query((rs, n) -> {
			communities.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
				.add(rs.getObject(2, UUID.class));
			return null;
		}).list();
		List<Account> result = new ArrayList<>();
		for (Account a : accounts) {
			result.add(copy(a, roles.getOrDefault(a.id(), Set.of()), communities.getOrDefault(a.id(), Set.of())));
		}
		return result;
	}

	void insert(Account account, Set<UUID> regionIds) {
		this.jdbc.sql("""
				insert into identity.account (id, username, password_hash, display_name, person_id, enabled,
				  must_change_password, language, elderly_mode, demo, created_at, password_changed_at)
				values (:id, :username, :hash, :displayName, :personId, true, :mustChange, null, false, :demo, :now, :now)
				""")
			.param("id", account.id())
			.param("username", account.username())
			.param("hash", account.passwordHash())
			.param("displayName", account.displayName())
			.param("personId", account.personId())
			.param("mustChange", account.mustChangePassword())
			.param("demo", account.demo())
			.param("now", Timestamp.from(account.createdAt()))
			.update();
		for (Role role : account.roles()) {
			this.jdbc.sql("insert into identity.account_role (account_id, role) values (:id, :role)")
				.param("id", account.id())
				.param("role", role.name())
				.update();
		}
		for (UUID region : regionIds) {
			this.jdbc.sql("insert into identity.account_region (account_id, region_id) values (:id, :r)")
				.param("id", account.id())
				.param("r", region)
				.update();
		}
		for (UUID community : account.communityIds()) {
			this.jdbc.sql("insert into identity.account_community (account_id, community_id) values (:id, :c)")
				.param("id", account.id())
				.param("c", community)
				.update();
		}
	}

	/** Locks the row so concurrent failed sign-ins count one by one. */
	Optional<Account> lockForUpdate(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.account where lower(username) = lower(:u) for update")
			.param("u", username)
			.query(this::row)
			.optional();
	}

	void updateFailures(UUID id, int failedAttempts, Instant lockedUntil) {
		this.jdbc.sql("update identity.account set failed_attempts = :f, locked_until = :l where id = :id")
			.param("f", failedAttempts)
			.param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil))
			.param("id", id)
			.update();
	}

	void updatePassword(UUID id, String hash, boolean mustChange, Instant now) {
		this.jdbc.sql("""
				update identity.account set password_hash = :h, must_change_password = :m, password_changed_at = :now,
				  version = version + 1 where id = :id
				""")
			.param("h", hash)
			.param("m", mustChange)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void updateTotp(UUID id, String encryptedSecret, boolean enabled) {
		this.jdbc.sql("""
				update identity.account set totp_secret = :s, totp_enabled = :e, totp_last_step = null,
				  version = version + 1 where id = :id
				""")
			.param("s", encryptedSecret)
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	/** Records the time step used so the same code cannot be replayed; false when it was already used. */
	boolean useTotpStep(UUID id, long step) {
		return this.jdbc.sql("""
				update identity.account set totp_last_step = :step
				 where id = :id and (totp_last_step is null or totp_last_step < :step)
				""").param("step", step).param("id", id).update() == 1;
	}

	void updateLanguage(UUID id, String language) {
		this.jdbc.sql("update identity.account set language = :l where id = :id")
			.param("l", language)
			.param("id", id)
			.update();
	}

	void updateElderlyMode(UUID id, boolean on) {
		this.jdbc.sql("update identity.account set elderly_mode = :on where id = :id")
			.param("on", on)
			.param("id", id)
			.update();
	}

	Set<UUID> regionIds(UUID accountId) {
		return Set.copyOf(this.jdbc.sql("select region_id from identity.account_region where account_id = :id")
			.param("id", accountId)
			.query(UUID.class)
			.list());
	}

	/** Points accounts of one registry person at another; returns how many accounts changed. */
	int repointPerson(UUID from, UUID to) {
		return this.jdbc.sql("update identity.account set person_id = :to, version = version + 1 where person_id = :from")
			.param("to", to)
			.param("from", from)
			.update();
	}

	void unlock(UUID id) {
		this.jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = :id")
			.param("id", id)
			.update();
	}

	void updateEnabled(UUID id, boolean enabled) {
		this.jdbc.sql("update identity.account set enabled = :e, version = version + 1 where id = :id")
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	private Account withScopes(Account account) {
		Set<Role> roles = this.jdbc.sql("select role from identity.account_role where account_id = :id")
			.param("id", account.id())
			.query(String.class)
			.list()
			.stream()
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		Set<UUID> communities = new HashSet<>(
				this.jdbc.sql("select community_id from identity.account_community where account_id = :id")
					.param("id", account.id())
					.query(UUID.class)
					.list());
		return copy(account, roles, communities);
	}

	private static Account copy(Account a, Set<Role> roles, Set<UUID> communities) {
		return new Account(a.id(), a.username(), a.passwordHash(), a.displayName(), a.personId(), a.enabled(),
				a.mustChangePassword(), a.failedAttempts(), a.lockedUntil(), a.totpSecret(), a.totpEnabled(),
				a.totpLastStep(), a.language(), a.elderlyMode(), a.demo(), a.createdAt(), Set.copyOf(roles),
				Set.copyOf(communities), a.version());
	}

	private Account row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		long lastStep = rs.getLong("totp_last_step");
		Long totpLastStep = rs.wasNull() ? null : lastStep;
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getObject("person_id", UUID.class), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
				locked == null ? null : locked.toInstant(), rs.getString("totp_secret"), rs.getBoolean("totp_enabled"),
				totpLastStep, rs.getString("language"), rs.getBoolean("elderly_mode"), rs.getBoolean("demo"),
				rs.getTimestamp("created_at").toInstant(), Set.of(), Set.of(), rs.getInt("version"));
	}

}
