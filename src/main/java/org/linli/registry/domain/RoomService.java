package org.linli.registry.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.RoomView;
import org.linli.shared.person.BuildingName;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Buildings, rooms and their ownership: the physical side of the community database. */
@Service
public class RoomService {

	/** What a new room needs; validated here, field by field. */
	public record NewRoom(UUID buildingId, String unit, Integer floor, String number, BigDecimal exclusiveArea,
			String areaSource, String use) {
	}

	/** What a room is used for; residential unless said otherwise. */
	static final java.util.Set<String> USES = java.util.Set.of("RESIDENTIAL", "COMMERCIAL", "GARAGE", "STORAGE",
			"OFFICE", "OTHER");

	private static final BigDecimal MAX_AREA = new BigDecimal("100000");

	private final JdbcClient jdbc;

	RoomService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public UUID createBuilding(UUID communityId, String rawName) {
		String name = rawName == null ? "" : BuildingName.canonical(rawName);
		if (name.isBlank() || name.length() > 40) {
			throw DomainException.invalid("name", "building.name.invalid");
		}
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into registry.building (id, community_id, name, sort_order)
					values (:id, :c, :name, (select coalesce(max(sort_order), 0) + 1 from registry.building
					                          where community_id = :c))
					""").param("id", id).param("c", communityId).param("name", name).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("building.name.taken", name);
		}
		return id;
	}

	public String buildingName(UUID communityId, UUID buildingId) {
		return this.jdbc.sql("select name from registry.building where community_id = :c and id = :b")
			.param("c", communityId).param("b", buildingId).query(String.class).single();
	}

	@Transactional
	public UUID createRoom(UUID communityId, NewRoom room) {
		Violations violations = new Violations();
		violations.require(room.buildingId() != null && buildingExists(communityId, room.buildingId()), "buildingId",
				"room.building.unknown");
		String unit = room.unit() == null ? "" : BuildingName.canonicalUnit(room.unit());
		violations.require(!unit.isBlank() && unit.length() <= 10, "unit", "room.unit.invalid");
		violations.require(room.floor() != null && room.floor() >= -5 && room.floor() <= 200, "floor",
				"room.floor.invalid");
		String number = room.number() == null ? "" : BuildingName.canonicalRoom(room.number());
		violations.require(!number.isBlank() && number.length() <= 20, "number", "room.number.invalid");
		BigDecimal area = room.exclusiveArea();
		violations.require(area != null && area.signum() > 0 && area.compareTo(MAX_AREA) < 0 && area.scale() <= 2,
				"exclusiveArea", "room.area.invalid");
		AreaSource source = parseSource(room.areaSource());
		violations.require(source != null, "areaSource", "room.areaSource.invalid");
		String use = room.use() == null || room.use().isBlank() ? "RESIDENTIAL" : room.use().trim();
		violations.require(USES.contains(use), "use", "room.use.invalid");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into registry.room (id, community_id, building_id, unit, floor, number, exclusive_area,
					  area_source, has_elevator, building_sort, room_use)
					select :id, :c, :b, :unit, :floor, :number, :area, :source, b.has_elevator, b.sort_order, :use
					  from registry.building b where b.id = :b and b.community_id = :c
					""")
				.param("id", id)
				.param("c", communityId)
				.param("b", room.buildingId())
				.param("unit", unit)
				.param("floor", room.floor())
				.param("number", number)
				.param("area", area)
				.param("source", source.name())
				.param("use", use)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("room.taken", unit, number);
		}
		return id;
	}

	/** Rooms in building, unit, floor and number order; one page. */
	public Page<RoomView> rooms(UUID communityId, Pageable pageable) {
		long total = this.jdbc.sql("select rooms from registry.community_count where community_id = :c")
			.param("c", communityId)
			.query(Long.class)
			.optional()
			.orElse(0L);
		List<RoomView> rooms = this.jdbc.sql("""
				select r.id, r.building_id, r.unit, r.floor, r.number, r.exclusive_area, r.area_source
				  from registry.room r
				 where r.community_id = :c
				 order by r.building_sort, r.unit, r.floor, r.number
				 limit :limit offset :offset
				""")
			.param("c", communityId)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> new RoomView(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
					rs.getString("unit"), rs.getInt("floor"), rs.getString("number"), rs.getBigDecimal("exclusive_area"),
					AreaSource.valueOf(rs.getString("area_source"))))
			.list();
		return new PageImpl<>(rooms, pageable, total);
	}

	/**
	 * Records who owns a room from a date: a DEVELOPER, or one or more persons of the community (co-owners). The
	 * ownership it replaces ends the day before.
	 */
	@Transactional
	public void recordOwnership(UUID communityId, UUID roomId, String ownerType, List<UUID> personIds,
			LocalDate since) {
		Violations violations = new Violations();
		violations.require(roomExists(communityId, roomId), "roomId", "room.unknown");
		boolean developer = "DEVELOPER".equals(ownerType);
		violations.require(developer || "PERSON".equals(ownerType), "ownerType", "ownership.type.invalid");
		List<UUID> persons = personIds == null ? List.of() : personIds.stream().distinct().toList();
		if (developer) {
			violations.require(persons.isEmpty(), "personIds", "ownership.developer.persons");
		}
		else {
			violations.require(!persons.isEmpty() && persons.size() <= 20, "personIds", "ownership.persons.empty");
			violations.require(persons.isEmpty() || countPersons(communityId, persons) == persons.size(), "personIds",
					"ownership.persons.unknown");
		}
		violations.require(since != null, "since", "ownership.since.invalid");
		violations.throwIfAny();
		this.jdbc.sql("""
				update registry.ownership set until = :until
				 where community_id = :c and room_id = :r and until is null
				""").param("until", Date.valueOf(since.minusDays(1))).param("c", communityId).param("r", roomId).update();
		if (developer) {
			insertOwnership(communityId, roomId, "DEVELOPER", null, since);
		}
		for (UUID person : persons) {
			insertOwnership(communityId, roomId, "PERSON", person, since);
		}
	}

	private void insertOwnership(UUID communityId, UUID roomId, String type, UUID personId, LocalDate since) {
		this.jdbc.sql("""
				insert into registry.ownership (id, community_id, room_id, owner_type, person_id, since)
				values (:id, :c, :r, :type, :p, :since)
				""")
			.param("id", UUID.randomUUID())
			.param("c", communityId)
			.param("r", roomId)
			.param("type", type)
			.param("p", personId)
			.param("since", Date.valueOf(since))
			.update();
	}

	private boolean buildingExists(UUID communityId, UUID buildingId) {
		return this.jdbc.sql("select count(*) from registry.building where community_id = :c and id = :b")
			.param("c", communityId).param("b", buildingId).query(Long.class).single() > 0;
	}

	private boolean roomExists(UUID communityId, UUID roomId) {
		return roomId != null && this.jdbc.sql("select count(*) from registry.room where community_id = :c and id = :r")
			.param("c", communityId).param("r", roomId).query(Long.class).single() > 0;
	}

	private long countPersons(UUID communityId, List<UUID> persons) {
		return this.jdbc.sql("select count(*) from registry.person where community_id = :c and id in (:ids)")
			.param("c", communityId).param("ids", persons).query(Long.class).single();
	}

	private static AreaSource parseSource(String value) {
		try {
			return value == null ? null : AreaSource.valueOf(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
