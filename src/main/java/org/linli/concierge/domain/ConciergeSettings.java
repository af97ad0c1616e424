package org.linli.concierge.domain;

import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-community settings of the station; a community without its own row uses the defaults (version 0). */
@Service
@EnableConfigurationProperties(ConciergeDefaults.class)
public class ConciergeSettings {

	public record Settings(int cancelHours, int parcelOverdueDays, int mealCapacity, int version) {
	}

	private final JdbcClient jdbc;

	private final ConciergeDefaults defaults;

	private final AuditApi audit;

	ConciergeSettings(JdbcClient jdbc, ConciergeDefaults defaults, AuditApi audit) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.audit = audit;
	}

	public Settings of(UUID communityId) {
		return this.jdbc.sql("""
				select cancel_hours, parcel_overdue_days, meal_capacity, version from concierge.setting
				 where community_id = :c
				""").param("c", communityId)
			.query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional()
			.orElseGet(() -> new Settings(this.defaults.cancelHours(), this.defaults.parcelOverdueDays(),
					this.defaults.mealCapacity(), 0));
	}

	/** Replaces the settings if nobody changed them since {@code version} was read (optimistic locking). */
	@Transactional
	public Settings update(UUID communityId, Integer cancelHours, Integer parcelOverdueDays, Integer mealCapacity,
			int version, String by) {
		Violations violations = new Violations();
		violations.require(cancelHours != null && cancelHours >= 0 && cancelHours <= 168, "cancelHours",
				"concierge.settings.cancelHours.invalid");
		violations.require(parcelOverdueDays != null && parcelOverdueDays >= 1 && parcelOverdueDays <= 60,
				"parcelOverdueDays", "concierge.settings.overdueDays.invalid");
		violations.require(mealCapacity != null && mealCapacity >= 1 && mealCapacity <= 5000, "mealCapacity",
				"concierge.settings.mealCapacity.invalid");
		violations.throwIfAny();
		int changed = this.jdbc.sql("""
				insert into concierge.setting (community_id, cancel_hours, parcel_overdue_days, meal_capacity, version)
				select :c, :h, :d, :m, 1 where :v = 0
				on conflict (community_id) do update
				   set cancel_hours = excluded.cancel_hours, parcel_overdue_days = excluded.parcel_overdue_days,
				       meal_capacity = excluded.meal_capacity, version = setting.version + 1
				 where setting.version = :v
				""").param("c", communityId).param("h", cancelHours).param("d", parcelOverdueDays)
			.param("m", mealCapacity).param("v", version).update();
		if (changed == 0) {
			throw DomainException.conflict("concierge.settings.stale");
		}
		this.audit.record(new AuditRecord(by, "UPDATE concierge settings", "community " + communityId,
				AuditRecord.Result.SUCCESS, null,
				"cancelHours=%d parcelOverdueDays=%d mealCapacity=%d".formatted(cancelHours, parcelOverdueDays,
						mealCapacity)));
		return of(communityId);
	}

}
