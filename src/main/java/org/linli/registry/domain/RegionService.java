package org.linli.registry.domain;

import java.util.List;
import java.util.UUID;

import org.linli.shared.person.TextNormaliser;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative regions above compounds: province, city, district, street (街道) and community (社区居委会).
 * Each level sits directly under the one above it; a compound belongs to a street or a community.
 */
@Service
public class RegionService {

	public enum Level {
		PROVINCE, CITY, DISTRICT, STREET, COMMUNITY
	}

	public record Region(UUID id, UUID parentId, Level level, String code, String name) {
	}

	private final JdbcClient jdbc;

	RegionService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Region create(UUID parentId, String level, String code, String name) {
		Violations violations = new Violations();
		Level parsed = parse(level);
		violations.require(parsed != null, "level", "region.level.invalid");
		String cleanName = TextNormaliser.normalise(name);
		violations.require(cleanName != null && !cleanName.isEmpty() && cleanName.length() <= 100, "name",
				"region.name.invalid");
		String cleanCode = TextNormaliser.normalise(code);
		violations.require(cleanCode == null || cleanCode.matches("\\d{2,12}"), "code", "region.code.invalid");
		if (parsed != null) {
			Level parentLevel = parentId == null ? null : levelOf(parentId);
			boolean placed = parsed == Level.PROVINCE ? parentId == null
					: parentLevel != null && parentLevel.ordinal() == parsed.ordinal() - 1;
			violations.require(placed, "parentId", "region.parent.invalid");
		}
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("insert into registry.region (id, parent_id, level, code, name) values (:id, :p, :l, :code, :n)")
				.param("id", id).param("p", parentId).param("l", parsed.name()).param("code", cleanCode)
				.param("n", cleanName).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("region.name.taken", cleanName);
		}
		return new Region(id, parentId, parsed, cleanCode, cleanName);
	}

	/** The region of that name under the parent, created when missing (demo data, datasets, migrations). */
	@Transactional
	public UUID ensure(UUID parentId, String level, String code, String name) {
		return this.jdbc.sql("select id from registry.region where parent_id is not distinct from :p and name = :n")
			.param("p", parentId).param("n", name).query(UUID.class).optional()
			.orElseGet(() -> create(parentId, level, code, name).id());
	}

	public List<Region> all() {
		return this.jdbc.sql("select id, parent_id, level, code, name from registry.region order by level, name")
			.query((rs, n) -> new Region(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					Level.valueOf(rs.getString("level")), rs.getString("code"), rs.getString("name")))
			.list();
	}

	/** The region each compound is placed under, for the compounds that have one. */
	public java.util.Map<UUID, UUID> placements() {
		java.util.Map<UUID, UUID> placed = new java.util.HashMap<>();
		this.jdbc.sql("select id, region_id from registry.community where region_id is not null")
			.query(rs -> {
				placed.put(rs.getObject("id", UUID.class), rs.getObject("region_id", UUID.class));
			});
		return placed;
	}

	/** Places a compound under a street or a community (居委会). */
	@Transactional
	public void place(UUID communityId, UUID regionId) {
		Level level = regionId == null ? null : levelOf(regionId);
		if (level != Level.STREET && level != Level.COMMUNITY) {
			throw DomainException.invalid("regionId", "region.compound.invalid");
		}
		this.jdbc.sql("update registry.community set region_id = :r, version = version + 1 where id = :c")
			.param("r", regionId).param("c", communityId).update();
	}

	private Level levelOf(UUID regionId) {
		return this.jdbc.sql("select level from registry.region where id = :id").param("id", regionId)
			.query(String.class).optional().map(Level::valueOf).orElse(null);
	}

	private static Level parse(String level) {
		try {
			return level == null ? null : Level.valueOf(level.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
