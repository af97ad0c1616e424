package org.linli.iot.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.linli.iot.DeviceType;
import org.linli.shared.web.DomainException;

/**
 * A device as staff manage it: place, status and the version that guards concurrent edits. ACTIVE devices may be
 * edited, retired and given a new password; RETIRED is final.
 */
public record DeviceRecord(String id, UUID communityId, String communityCode, DeviceType type, String name,
		UUID buildingId, String building, String unit, UUID assetId, String location, String status, int version,
		boolean online, Instant lastSeenAt, Instant retiredAt, Instant secretResetAt) {

	public static final String ACTIVE = "ACTIVE";

	public static final String RETIRED = "RETIRED";

	public boolean retired() {
		return RETIRED.equals(this.status);
	}

	/** Refuses any change to a retired device (409). */
	public void requireActive() {
		if (retired()) {
			throw DomainException.conflict("iot.device.retired");
		}
	}

	/** Refuses a change made on a form read before someone else's change (409, stale) or to a retired device. */
	public void requireChangeable(int formVersion) {
		requireActive();
		if (formVersion != this.version) {
			throw DomainException.conflict("iot.device.stale");
		}
	}

	/** Where it is, in words, as lists show it. */
	public String where() {
		return new Device(this.id, this.communityId, this.communityCode, this.type, this.name, this.building,
				this.unit, this.assetId, this.location, null, this.online, this.lastSeenAt).where();
	}

	public String eventTopic() {
		return Topics.events(this.communityCode, this.id);
	}

	static DeviceRecord row(ResultSet rs, int n) throws SQLException {
		return new DeviceRecord(rs.getString("id"), rs.getObject("community_id", UUID.class),
				rs.getString("community_code"), DeviceType.valueOf(rs.getString("type")), rs.getString("name"),
				rs.getObject("building_id", UUID.class), rs.getString("building"), rs.getString("unit"),
				rs.getObject("asset_id", UUID.class), rs.getString("location"), rs.getString("status"),
				rs.getInt("version"), rs.getBoolean("online"), instant(rs, "last_seen_at"), instant(rs, "retired_at"),
				instant(rs, "secret_reset_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
