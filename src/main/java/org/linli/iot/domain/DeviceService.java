package org.linli.iot.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.linli.iot.DeviceType;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers devices (each with its own MQTT password, kept only as a hash) and flags devices whose heartbeats
 * stopped as offline.
 */
@Service
public class DeviceService {

	/** What registering a device needs; the location comes from the registry (building, asset). */
	public record NewDevice(String id, String type, String name, UUID buildingId, String unit, UUID assetId,
			String location, String password) {
	}

	/** The registered device and its password, shown once. */
	public record Registered(String id, String password) {
	}

	static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,63}");

	/** Cost 8: devices connect rarely, but a reconnect storm must not starve the broker's threads. */
	static final BCryptPasswordEncoder HASHER = new BCryptPasswordEncoder(8);

	private final JdbcClient jdbc;

	private final RegistryApi registry;

	private final DeviceDirectory directory;

	private final AlarmService alarms;

	private final IotSettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	DeviceService(JdbcClient jdbc, RegistryApi registry, DeviceDirectory directory, AlarmService alarms,
			IotSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.directory = directory;
		this.alarms = alarms;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Registered register(UUID communityId, NewDevice request) {
		Violations violations = new Violations();
		DeviceType type = parseType(request.type());
		violations.require(type != null, "type", "iot.device.type.invalid");
		String id = request.id() == null || request.id().isBlank() ? null : request.id().trim();
		violations.require(id == null || DEVICE_ID.matcher(id).matches(), "id", "iot.device.id.invalid");
		String building = checkPlace(communityId, request.name(), request.buildingId(), request.unit(),
				request.assetId(), request.location(), violations);
		violations.throwIfAny();
		CommunitySummary community = this.registry.summaries(List.of(communityId)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("iot.community.notFound"));
		String deviceId = id != null ? id : type.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		String password = request.password() != null ? request.password() : newPassword();
		try {
			this.jdbc.sql("""
					insert into iot.device (id, community_id, community_code, type, name, building_id, building, unit,
					                        asset_id, location, secret_hash, created_at)
					values (:id, :c, :code, :type, :name, :b, :building, :unit, :asset, :location, :hash, :now)
					""").param("id", deviceId).param("c", communityId).param("code", community.code())
				.param("type", type.name()).param("name", request.name().trim()).param("b", request.buildingId())
				.param("building", building).param("unit", blankToNull(request.unit()))
				.param("asset", request.assetId()).param("location", blankToNull(request.location()))
				.param("hash", HASHER.encode(password)).param("now", Timestamp.from(this.clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("iot.device.id.taken");
		}
		this.directory.forget(deviceId);
		return new Registered(deviceId, password);
	}

	/** Name and place of a device (new or edited); returns the building's name, or null without one. */
	private String checkPlace(UUID communityId, String name, UUID buildingId, String unit, UUID assetId,
			String location, Violations violations) {
		violations.require(name != null && !name.isBlank() && name.trim().length() <= 100, "name",
				"iot.device.name.invalid");
		String building = null;
		if (buildingId != null) {
			building = this.registry.buildingName(communityId, buildingId).orElse(null);
			violations.require(building != null, "buildingId", "iot.device.building.unknown");
		}
		if (assetId != null) {
			violations.require(this.registry.assetName(communityId, assetId).isPresent(), "assetId",
					"iot.device.asset.unknown");
		}
		violations.require(unit == null || unit.trim().length() <= 20, "unit", "iot.device.unit.invalid");
		violations.require(location == null || location.trim().length() <= 200, "location",
				"iot.device.location.invalid");
		return building;
	}

	/** What staff may change about a device: its name and place (type and id are fixed: they name its topics). */
	public record Edit(String name, UUID buildingId, String unit, UUID assetId, String location) {
	}

	/** The device as its page shows and edits it. */
	public DeviceRecord details(UUID communityId, String deviceId) {
		return this.jdbc.sql("select * from iot.device where community_id = :c and id = :id").param("c", communityId)
			.param("id", deviceId).query(DeviceRecord::row).optional()
			.orElseThrow(() -> DomainException.notFound("iot.device.notFound"));
	}

	/** Every device of the community, retired ones last, for the staff list. */
	public List<DeviceRecord> all(UUID communityId) {
		return this.jdbc.sql("""
				select * from iot.device where community_id = :c order by status, type, id
				""").param("c", communityId).query(DeviceRecord::row).list();
	}

	/**
	 * Changes name and place, provided nobody changed the device since the form was read ({@code version}); a stale
	 * form is refused (409) and nothing is written.
	 */
	@Transactional
	public DeviceRecord edit(UUID communityId, String deviceId, int version, Edit edit) {
		details(communityId, deviceId).requireChangeable(version);
		Violations violations = new Violations();
		String building = checkPlace(communityId, edit.name(), edit.buildingId(), edit.unit(), edit.assetId(),
				edit.location(), violations);
		violations.throwIfAny();
		int changed = this.jdbc.sql("""
				update iot.device set name = :name, building_id = :b, building = :building, unit = :unit,
				       asset_id = :asset, location = :location, version = version + 1
				 where community_id = :c and id = :id and version = :v and status = 'ACTIVE'
				""").param("name", edit.name().trim()).param("b", edit.buildingId()).param("building", building)
			.param("unit", blankToNull(edit.unit())).param("asset", edit.assetId())
			.param("location", blankToNull(edit.location())).param("c", communityId).param("id", deviceId)
			.param("v", version).update();
		if (changed == 0) {
			throw DomainException.conflict("iot.device.stale");
		}
		this.directory.forget(deviceId);
		return details(communityId, deviceId);
	}

	/**
	 * Retires the device (退役): it can no longer log in to the broker nor take commands, and it leaves the lists;
	 * its alarms and events stay. Final: a retired device is registered again under a new id.
	 */
	@Transactional
	public void retire(UUID communityId, String deviceId, int version) {
		details(communityId, deviceId).requireChangeable(version);
		int changed = this.jdbc.sql("""
				update iot.device set status = 'RETIRED', retired_at = :at, online = false, version = version + 1
				 where community_id = :c and id = :id and version = :v and status = 'ACTIVE'
				""").param("at", Timestamp.from(this.clock.instant())).param("c", communityId).param("id", deviceId)
			.param("v", version).update();
		if (changed == 0) {
			throw DomainException.conflict("iot.device.stale");
		}
		this.directory.revoke(deviceId);
	}

	/**
	 * A new broker password for the device, returned once; the old one is refused from the next login on (the
	 * cached identity is dropped with the hash).
	 */
	@Transactional
	public String resetSecret(UUID communityId, String deviceId) {
		DeviceRecord device = details(communityId, deviceId);
		device.requireActive();
		String password = newPassword();
		this.jdbc.sql("""
				update iot.device set secret_hash = :hash, secret_reset_at = :at, version = version + 1
				 where community_id = :c and id = :id and status = 'ACTIVE'
				""").param("hash", HASHER.encode(password)).param("at", Timestamp.from(this.clock.instant()))
			.param("c", communityId).param("id", deviceId).update();
		this.directory.revoke(deviceId);
		return password;
	}

	/** Whether the password is the device's own (the broker's authentication). */
	public boolean authenticates(String deviceId, byte[] password) {
		return password != null && this.directory.identity(deviceId)
			.map(device -> HASHER.matches(new String(password, java.nio.charset.StandardCharsets.UTF_8),
					device.secretHash()))
			.orElse(false);
	}

	/** Devices silent for longer than the setting go offline and raise a minor DEVICE_OFFLINE alarm. */
	@Scheduled(fixedDelayString = "${linli.iot.offline-check:30s}", initialDelayString = "${linli.iot.offline-check:30s}")
	public void flagOffline() {
		flagOfflineAt(this.clock.instant(), null);
	}

	/** Flags the silent devices of one community (or of all when null) as of {@code now}. */
	@Transactional
	public int flagOfflineAt(Instant now, UUID communityId) {
		List<Device> silent = this.jdbc.sql("""
				update iot.device set online = false
				 where online and (last_seen_at is null or last_seen_at < :limit)
				   and (cast(:c as uuid) is null or community_id = :c)
				returning *
				""").param("limit", Timestamp.from(now.minus(this.settings.offlineAfter()))).param("c", communityId)
			.query(DeviceDirectory::row).list();
		for (Device device : silent) {
			this.alarms.raiseOffline(device, now);
		}
		return silent.size();
	}

	/** Raw device events older than the setting are deleted (alarms and access events keep their own records). */
	@Scheduled(cron = "${linli.iot.purge-cron:0 20 3 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	@Transactional
	public int purgeEvents() {
		return this.jdbc.sql("delete from iot.device_event where received_at < :limit")
			.param("limit", Timestamp.from(this.clock.instant().minus(this.settings.eventRetention()))).update();
	}

	private String newPassword() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static DeviceType parseType(String type) {
		if (type == null) {
			return null;
		}
		try {
			return DeviceType.valueOf(type.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
