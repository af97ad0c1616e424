package org.linli.iot.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.linli.iot.DeviceType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads devices; the gateway and the broker's authoriser look a device up for every message, so identities are
 * cached (they change only when a device is registered or removed). Every node's cache hears of changes made on
 * the others through {@link DeviceChangeFeed}.
 */
@Component
public class DeviceDirectory {

	private final JdbcClient jdbc;

	private final Map<String, Device> cache = new ConcurrentHashMap<>();

	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> revocations = new CopyOnWriteArrayList<>();

	DeviceDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The identity of a device in service (cached; online state may be stale). A retired device has none: the broker
	 * refuses its login and the gateway its messages.
	 */
	public Optional<Device> identity(String deviceId) {
		Device cached = this.cache.get(deviceId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Device> found = this.jdbc.sql("select * from iot.device where id = :id and status = 'ACTIVE'")
			.param("id", deviceId).query(DeviceDirectory::row).optional();
		found.ifPresent(device -> this.cache.put(deviceId, device));
		return found;
	}

	public Optional<Device> find(String deviceId) {
		return this.jdbc.sql("select * from iot.device where id = :id").param("id", deviceId).query(DeviceDirectory::row)
			.optional();
	}

	public Optional<Device> find(UUID communityId, String deviceId) {
		return find(deviceId).filter(device -> device.communityId().equals(communityId));
	}

	public List<Device> list(UUID communityId, DeviceType type, int limit, long offset) {
		return this.jdbc.sql("""
				select * from iot.device where community_id = :c and (cast(:t as varchar) is null or type = :t)
				   and status = 'ACTIVE'
				 order by type, id limit :l offset :o
				""").param("c", communityId).param("t", type == null ? null : type.name()).param("l", limit)
			.param("o", offset).query(DeviceDirectory::row).list();
	}

	public long count(UUID communityId, DeviceType type) {
		return this.jdbc.sql("""
				select count(*) from iot.device where community_id = :c and (cast(:t as varchar) is null or type = :t)
				   and status = 'ACTIVE'
				""").param("c", communityId).param("t", type == null ? null : type.name()).query(Long.class).single();
	}

	/** Every device in service of every community (the gateway subscribes to their topics). */
	List<Device> all() {
		return this.jdbc.sql("select * from iot.device where status = 'ACTIVE' order by id")
			.query(DeviceDirectory::row)
			.list();
	}

	/**
	 * Drops the cached identity after a change (registration, password, place, retirement, removal) and, once the
	 * change is committed (on the same thread, before the answer), the listeners hear of it.
	 */
	void forget(String deviceId) {
		this.cache.remove(deviceId);
		tellOtherNodes(DeviceChangeFeed.CHANGED, deviceId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					changed(deviceId);
				}
			});
		}
		else {
			changed(deviceId);
		}
	}

	/**
	 * The device's credential no longer holds (password reset, retirement): as {@link #forget}, and once committed the
	 * revocation listeners cut its open connections, which would otherwise outlive the old password.
	 */
	void revoke(String deviceId) {
		forget(deviceId);
		tellOtherNodes(DeviceChangeFeed.REVOKED, deviceId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					revocations.forEach(listener -> listener.accept(deviceId));
				}
			});
		}
		else {
			this.revocations.forEach(listener -> listener.accept(deviceId));
		}
	}

	/** Calls the listener with the id of every device whose credential is revoked from now on. */
	void onRevoke(Consumer<String> listener) {
		this.revocations.add(listener);
	}

	/** Calls the listener with the id of every device registered, changed or removed from now on. */
	void onChange(Consumer<String> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Other application nodes cache identities too: the change goes to them through PostgreSQL (NOTIFY is delivered
	 * only when this transaction commits, and not at all when it rolls back).
	 */
	private void tellOtherNodes(String kind, String deviceId) {
		this.jdbc.sql("select pg_notify(:channel, :payload)").param("channel", DeviceChangeFeed.CHANNEL)
			.param("payload", DeviceChangeFeed.payload(kind, deviceId)).query((rs, n) -> 1).list();
	}

	/** Drops every cached identity (after missing other nodes' changes for a while). */
	void forgetAll() {
		this.cache.clear();
	}

	/** Another node changed the device (as {@link #forget}, heard after its commit). */
	void changedElsewhere(String deviceId) {
		changed(deviceId);
	}

	/** Another node revoked the device's credential (as {@link #revoke}, heard after its commit). */
	void revokedElsewhere(String deviceId) {
		changed(deviceId);
		this.revocations.forEach(listener -> listener.accept(deviceId));
	}

	private void changed(String deviceId) {
		this.cache.remove(deviceId);
		this.listeners.forEach(listener -> listener.accept(deviceId));
	}

	static Device row(ResultSet rs, int n) throws SQLException {
		Timestamp seen = rs.getTimestamp("last_seen_at");
		return new Device(rs.getString("id"), rs.getObject("community_id", UUID.class), rs.getString("community_code"),
				DeviceType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("building"),
				rs.getString("unit"), rs.getObject("asset_id", UUID.class), rs.getString("location"),
				rs.getString("secret_hash"), rs.getBoolean("online"), seen == null ? null : seen.toInstant());
	}

}
