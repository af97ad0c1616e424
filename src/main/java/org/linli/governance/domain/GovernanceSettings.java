package org.linli.governance.domain;

import java.util.UUID;

import org.linli.governance.NonVoters;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-community settings of DOMAIN.md §3 and §2, with the defaults the law and the seed give. */
@Service
public class GovernanceSettings {

	public record Settings(NonVoters nonVoters, int mediationTargetDays, int version) {
	}

	static final Settings DEFAULTS = new Settings(NonVoters.NOT_COUNTED, 5, 0);

	private final JdbcClient jdbc;

	GovernanceSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Settings of(UUID communityId) {
		return this.jdbc.sql("select non_voters, mediation_target_days, version from governance.community_setting "
				+ "where community_id = :c")
			.param("c", communityId)
			.query((rs, n) -> new Settings(NonVoters.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
			.optional()
			.orElse(DEFAULTS);
	}

	@Transactional
	public void update(UUID communityId, String nonVoters, Integer targetDays, int version) {
		Violations violations = new Violations();
		NonVoters rule = Enums.parse(NonVoters.class, nonVoters);
		violations.require(rule != null, "nonVoters", "governance.settings.nonVoters.invalid");
		violations.require(targetDays != null && targetDays >= 1 && targetDays <= 90, "mediationTargetDays",
				"governance.settings.days.invalid");
		violations.throwIfAny();
		int changed = this.jdbc.sql("""
				insert into governance.community_setting (community_id, non_voters, mediation_target_days)
				values (:c, :rule, :days)
				on conflict (community_id) do update set non_voters = excluded.non_voters,
				    mediation_target_days = excluded.mediation_target_days, version = community_setting.version + 1
				 where community_setting.version = :version
				""")
			.param("c", communityId)
			.param("rule", rule.name())
			.param("days", targetDays)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw DomainException.conflict("governance.stale");
		}
	}

}
