package org.linli.workorder.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-community settings of work orders: categories with their NORMAL targets, the EMERGENCY and URGENT
 * targets, and technicians' skills. A community gets the defaults ({@link Targets}) the first time it uses them.
 */
@Service
public class Categories {

	/** A category as a community has it; {@code name} is null for the translated default name. */
	public record Category(String code, Kind kind, String name, String skill, int acknowledgeMinutes,
			int resolveMinutes, int version) {

		public Targets.Target target() {
			return new Targets.Target(this.acknowledgeMinutes, this.resolveMinutes);
		}

		/** The message key of the default name. */
		public String nameKey() {
			return "workorder.category." + this.code;
		}

	}

	/** A level's targets as a community has them, with the version a change must be based on. */
	public record LevelTarget(Level level, int acknowledgeMinutes, int resolveMinutes, int version) {
	}

	/** Targets longer than 90 days are typing mistakes. */
	static final int MAX_MINUTES = 90 * 24 * 60;

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public List<Category> list(UUID communityId) {
		ensureSeeded(communityId);
		return this.jdbc.sql("""
				select code, kind, name, skill, acknowledge_minutes, resolve_minutes, version from workorder.category
				 where community_id = :c and active order by sort_order, code
				""").param("c", communityId).query(Categories::row).list();
	}

	@Transactional
	public Optional<Category> find(UUID communityId, String code) {
		ensureSeeded(communityId);
		return this.jdbc.sql("""
				select code, kind, name, skill, acknowledge_minutes, resolve_minutes, version from workorder.category
				 where community_id = :c and code = :code and active
				""").param("c", communityId).param("code", code).query(Categories::row).optional();
	}

	@Transactional
	public Map<Level, Targets.Target> levelTargets(UUID communityId) {
		ensureSeeded(communityId);
		Map<Level, Targets.Target> targets = new EnumMap<>(Level.class);
		this.jdbc.sql("select level, acknowledge_minutes, resolve_minutes from workorder.level_target where community_id = :c")
			.param("c", communityId)
			.query((rs, n) -> targets.put(Level.valueOf(rs.getString(1)), new Targets.Target(rs.getInt(2), rs.getInt(3))))
			.list();
		return targets;
	}

	/** The EMERGENCY and URGENT targets with their versions, for the settings page. */
	@Transactional
	public List<LevelTarget> levels(UUID communityId) {
		ensureSeeded(communityId);
		return this.jdbc.sql("""
				select level, acknowledge_minutes, resolve_minutes, version from workorder.level_target
				 where community_id = :c order by level
				""").param("c", communityId)
			.query((rs, n) -> new LevelTarget(Level.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** Changes a category's NORMAL targets (minutes) and the skill dispatch looks for. */
	@Transactional
	public Category changeTargets(UUID communityId, String code, Integer acknowledgeMinutes, Integer resolveMinutes,
			String skill) {
		return changeTargets(communityId, code, acknowledgeMinutes, resolveMinutes, skill, null);
	}

	/**
	 * Changes a category's targets if it is still at {@code expectedVersion} (null: whatever it is); a form based on
	 * an older version is refused with a conflict, so two managers never overwrite each other unknowingly.
	 */
	@Transactional
	public Category changeTargets(UUID communityId, String code, Integer acknowledgeMinutes, Integer resolveMinutes,
			String skill, Integer expectedVersion) {
		Category category = find(communityId, code).orElseThrow(() -> DomainException.notFound("workorder.category.notFound"));
		checkTargets(acknowledgeMinutes, resolveMinutes);
		String cleanSkill = skill == null || skill.isBlank() ? null : skill.strip().toUpperCase(java.util.Locale.ROOT);
		if (cleanSkill != null && !cleanSkill.matches("[A-Z_]{2,30}")) {
			throw DomainException.invalid("skill", "workorder.skill.invalid");
		}
		int basedOn = expectedVersion == null ? category.version() : expectedVersion;
		int rows = this.jdbc.sql("""
				update workorder.category set acknowledge_minutes = :a, resolve_minutes = :r, skill = :s,
				  version = version + 1
				 where community_id = :c and code = :code and version = :v
				""").param("a", acknowledgeMinutes).param("r", resolveMinutes).param("s", cleanSkill)
			.param("c", communityId).param("code", code).param("v", basedOn).update();
		if (rows == 0) {
			throw DomainException.conflict("workorder.settings.stale");
		}
		return new Category(category.code(), category.kind(), category.name(), cleanSkill, acknowledgeMinutes,
				resolveMinutes, basedOn + 1);
	}

	@Transactional
	public void changeLevelTarget(UUID communityId, Level level, Integer acknowledgeMinutes, Integer resolveMinutes) {
		changeLevelTarget(communityId, level, acknowledgeMinutes, resolveMinutes, null);
	}

	/** Changes a level's targets if still at {@code expectedVersion} (null: whatever it is), else a conflict. */
	@Transactional
	public void changeLevelTarget(UUID communityId, Level level, Integer acknowledgeMinutes, Integer resolveMinutes,
			Integer expectedVersion) {
		if (level == null || level == Level.NORMAL) {
			throw DomainException.invalid("level", "workorder.level.invalid");
		}
		ensureSeeded(communityId);
		checkTargets(acknowledgeMinutes, resolveMinutes);
		int rows = this.jdbc.sql("""
				update workorder.level_target set acknowledge_minutes = :a, resolve_minutes = :r, version = version + 1
				 where community_id = :c and level = :l and (:v < 0 or version = :v)
				""").param("a", acknowledgeMinutes).param("r", resolveMinutes).param("c", communityId)
			.param("l", level.name()).param("v", expectedVersion == null ? -1 : expectedVersion).update();
		if (rows == 0) {
			throw DomainException.conflict("workorder.settings.stale");
		}
	}

	private static void checkTargets(Integer acknowledgeMinutes, Integer resolveMinutes) {
		Violations violations = new Violations();
		violations.require(acknowledgeMinutes != null && acknowledgeMinutes > 0 && acknowledgeMinutes <= MAX_MINUTES,
				"acknowledgeMinutes", "workorder.target.invalid");
		violations.require(resolveMinutes != null && resolveMinutes > 0 && resolveMinutes <= MAX_MINUTES,
				"resolveMinutes", "workorder.target.invalid");
		violations.require(acknowledgeMinutes == null || resolveMinutes == null || acknowledgeMinutes <= resolveMinutes,
				"resolveMinutes", "workorder.target.order");
		violations.throwIfAny();
	}

	/** Skills of each technician of the community. */
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> skills(UUID communityId) {
		Map<UUID, List<String>> skills = new java.util.HashMap<>();
		this.jdbc.sql("select account_id, skill from workorder.technician_skill where community_id = :c order by skill")
			.param("c", communityId)
			.query((rs, n) -> skills.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
				.add(rs.getString(2)))
			.list();
		return skills;
	}

	@Transactional
	public void setSkills(UUID communityId, UUID accountId, List<String> skills) {
		List<String> clean = skills == null ? List.of()
				: skills.stream().filter(s -> s != null && !s.isBlank())
					.map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
		if (clean.stream().anyMatch(s -> !s.matches("[A-Z_]{2,30}"))) {
			throw DomainException.invalid("skills", "workorder.skill.invalid");
		}
		this.jdbc.sql("delete from workorder.technician_skill where community_id = :c and account_id = :a")
			.param("c", communityId).param("a", accountId).update();
		for (String skill : clean) {
			this.jdbc.sql("insert into workorder.technician_skill (community_id, account_id, skill) values (:c, :a, :s)")
				.param("c", communityId).param("a", accountId).param("s", skill).update();
		}
	}

	/** Inserts the default categories and level targets once per community; concurrent first uses insert once. */
	private void ensureSeeded(UUID communityId) {
		boolean seeded = this.jdbc.sql("select count(*) from workorder.level_target where community_id = :c")
			.param("c", communityId).query(Long.class).single() > 0;
		if (seeded) {
			return;
		}
		int order = 0;
		for (Targets.DefaultCategory d : Targets.DEFAULT_CATEGORIES) {
			this.jdbc.sql("""
					insert into workorder.category (community_id, code, kind, skill, acknowledge_minutes,
					  resolve_minutes, sort_order) values (:c, :code, :kind, :skill, :a, :r, :o)
					on conflict do nothing
					""").param("c", communityId).param("code", d.code()).param("kind", d.kind().name())
				.param("skill", d.skill()).param("a", d.acknowledgeMinutes()).param("r", d.resolveMinutes())
				.param("o", order++).update();
		}
		for (var level : Targets.DEFAULT_LEVELS.entrySet()) {
			this.jdbc.sql("""
					insert into workorder.level_target (community_id, level, acknowledge_minutes, resolve_minutes)
					values (:c, :l, :a, :r) on conflict do nothing
					""").param("c", communityId).param("l", level.getKey().name())
				.param("a", level.getValue().acknowledgeMinutes()).param("r", level.getValue().resolveMinutes())
				.update();
		}
	}

	private static Category row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Category(rs.getString("code"), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("skill"), rs.getInt("acknowledge_minutes"), rs.getInt("resolve_minutes"),
				rs.getInt("version"));
	}

}
