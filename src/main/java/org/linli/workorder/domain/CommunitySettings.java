package org.linli.workorder.domain;

import java.time.Duration;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's work-order settings beside the targets: how long after a missed deadline the manager hears of it,
 * and how long after resolution an order the resident never confirmed closes by itself. A community without a row
 * has the application's defaults ({@code linli.workorder.escalation.manager-after}, {@code
 * linli.workorder.auto-close.after}) at version 0.
 */
@Service
public class CommunitySettings {

	/** The settings of one community; {@code version} is what a change must be based on. */
	public record Settings(int managerAfterMinutes, int autoCloseHours, int version) {

		public Duration managerAfter() {
			return Duration.ofMinutes(this.managerAfterMinutes);
		}

		public Duration autoCloseAfter() {
			return Duration.ofHours(this.autoCloseHours);
		}

	}

	/** A week: beyond it the manager would hear of a late order far too late to act. */
	static final int MAX_MANAGER_AFTER_MINUTES = 7 * 24 * 60;

	/** 90 days, the longest a resident may take to confirm. */
	static final int MAX_AUTO_CLOSE_HOURS = 90 * 24;

	private final JdbcClient jdbc;

	private final Settings defaults;

	CommunitySettings(JdbcClient jdbc,
			@Value("${linli.workorder.escalation.manager-after:PT30M}") Duration managerAfter,
			@Value("${linli.workorder.auto-close.after:PT72H}") Duration autoCloseAfter) {
		this.jdbc = jdbc;
		this.defaults = new Settings((int) managerAfter.toMinutes(), (int) autoCloseAfter.toHours(), 0);
	}

	/** The settings of a community that changed none. */
	public Settings defaults() {
		return this.defaults;
	}

	@Transactional(readOnly = true)
	public Settings of(UUID communityId) {
		return this.jdbc.sql("""
				select manager_after_minutes, auto_close_hours, version from workorder.settings where community_id = :c
				""").param("c", communityId).query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.optional()
			.orElse(this.defaults);
	}

	/** Changes the settings if still at {@code expectedVersion}; a form based on an older one is a conflict. */
	@Transactional
	public Settings change(UUID communityId, Integer managerAfterMinutes, Integer autoCloseHours, int expectedVersion) {
		Violations violations = new Violations();
		violations.require(managerAfterMinutes != null && managerAfterMinutes > 0
				&& managerAfterMinutes <= MAX_MANAGER_AFTER_MINUTES, "managerAfterMinutes",
				"workorder.settings.managerAfter.invalid");
		violations.require(autoCloseHours != null && autoCloseHours > 0 && autoCloseHours <= MAX_AUTO_CLOSE_HOURS,
				"autoCloseHours", "workorder.settings.autoClose.invalid");
		violations.throwIfAny();
		// the first change inserts version 1 over the defaults (version 0); later ones must match the stored version
		String sql = expectedVersion == 0 ? """
				insert into workorder.settings (community_id, manager_after_minutes, auto_close_hours, version)
				values (:c, :m, :h, 1) on conflict do nothing
				""" : """
				update workorder.settings set manager_after_minutes = :m, auto_close_hours = :h, version = version + 1
				 where community_id = :c and version = :v
				""";
		int rows = this.jdbc.sql(sql).param("c", communityId).param("m", managerAfterMinutes)
			.param("h", autoCloseHours).param("v", expectedVersion).update();
		if (rows == 0) {
			throw DomainException.conflict("workorder.settings.stale");
		}
		return of(communityId);
	}

}
