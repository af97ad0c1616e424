package org.linli.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read models of the staff pages: the compound tree and the household file (一户一档). */
@Service
public class RegistryQueries {

	public record BuildingRow(UUID id, String name, boolean hasElevator, long rooms) {
	}

	public record RoomCell(UUID id, String unit, int floor, String number, BigDecimal exclusiveArea, int residents) {
	}

	public record RoomFile(UUID id, UUID communityId, String building, String unit, int floor, String number,
			BigDecimal exclusiveArea, String areaSource, String use, boolean hasElevator) {
	}

	public record Owner(String ownerType, UUID personId, String name, LocalDate since, LocalDate until) {
	}

	private final JdbcClient jdbc;

	RegistryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<BuildingRow> buildings(UUID communityId) {
		return this.jdbc.sql("""
				select b.id, b.name, b.has_elevator,
				       (select count(*) from registry.room r where r.community_id = b.community_id
				          and r.building_id = b.id) as rooms
				  from registry.building b where b.community_id = :c order by b.sort_order, b.name
				""").param("c", communityId).query((rs, n) -> new BuildingRow(rs.getObject("id", UUID.class),
						rs.getString("name"), rs.getBoolean("has_elevator"), rs.getLong("rooms"))).list();
	}

	public Optional<String> buildingName(UUID communityId, UUID buildingId) {
		return this.jdbc.sql("select name from registry.building where community_id = :c and id = :b")
			.param("c", communityId).param("b", buildingId).query(String.class).optional();
	}

	/** Every room of a building with its number of residents, for the unit and floor grid. */
	public List<RoomCell> rooms(UUID communityId, UUID buildingId) {
		return this.jdbc.sql("""
				select r.id, r.unit, r.floor, r.number, r.exclusive_area,
				       (select count(*) from registry.household h join registry.person p
				           on p.household_id = h.id and p.community_id = h.community_id
				         where h.community_id = r.community_id and h.room_id = r.id) as residents
				  from registry.room r
				 where r.community_id = :c and r.building_id = :b
				 order by r.unit, r.floor desc, r.number
				""").param("c", communityId).param("b", buildingId)
			.query((rs, n) -> new RoomCell(rs.getObject("id", UUID.class), rs.getString("unit"), rs.getInt("floor"),
					rs.getString("number"), rs.getBigDecimal("exclusive_area"), rs.getInt("residents")))
			.list();
	}

	public Optional<RoomFile> room(UUID communityId, UUID roomId) {
		return this.jdbc.sql("""
				select r.id, r.community_id, b.name as building, r.unit, r.floor, r.number, r.exclusive_area,
				       r.area_source, r.room_use, r.has_elevator
				  from registry.room r join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				 where r.community_id = :c and r.id = :r
				""").param("c", communityId).param("r", roomId)
			.query((rs, n) -> new RoomFile(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
					rs.getString("building"), rs.getString("unit"), rs.getInt("floor"), rs.getString("number"),
					rs.getBigDecimal("exclusive_area"), rs.getString("area_source"), rs.getString("room_use"),
					rs.getBoolean("has_elevator")))
			.optional();
	}

	/** The room's household, if anyone is registered as living there. */
	public Optional<UUID> householdOf(UUID communityId, UUID roomId) {
		return this.jdbc.sql("select id from registry.household where community_id = :c and room_id = :r "
				+ "order by since nulls first limit 1").param("c", communityId).param("r", roomId).query(UUID.class)
			.optional();
	}

	/** The persons living in the room now. */
	public List<UUID> residents(UUID communityId, UUID roomId) {
		return this.jdbc.sql("""
				select p.id from registry.person p join registry.household h
				    on h.id = p.household_id and h.community_id = p.community_id
				 where p.community_id = :c and h.room_id = :r order by p.created_at, p.name
				""").param("c", communityId).param("r", roomId).query(UUID.class).list();
	}

	/** Ownership history of the room, newest first. */
	public List<Owner> owners(UUID communityId, UUID roomId) {
		return this.jdbc.sql("""
				select o.owner_type, o.person_id, p.name, o.since, o.until
				  from registry.ownership o left join registry.person p
				    on p.id = o.person_id and p.community_id = o.community_id
				 where o.community_id = :c and o.room_id = :r order by o.since desc, p.name
				""").param("c", communityId).param("r", roomId)
			.query((rs, n) -> new Owner(rs.getString("owner_type"), rs.getObject("person_id", UUID.class),
					rs.getString("name"), rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class)))
			.list();
	}

	/** A room as staff name it: "1号楼 1-101". */
	public record RoomLabel(UUID roomId, String label) {
	}

	/** The rooms of the given households, by household. */
	public java.util.Map<UUID, RoomLabel> roomsOfHouseholds(UUID communityId, java.util.Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<UUID, RoomLabel> rooms = new java.util.HashMap<>();
		this.jdbc.sql("""
				select h.id as household, r.id as room, b.name || ' ' || r.unit || '-' || r.number as label
				  from registry.household h
				  join registry.room r on r.id = h.room_id and r.community_id = h.community_id
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				 where h.community_id = :c and h.id in (:ids)
				""").param("c", communityId).param("ids", householdIds).query(rs -> {
				rooms.put(rs.getObject("household", UUID.class),
						new RoomLabel(rs.getObject("room", UUID.class), rs.getString("label")));
			});
		return rooms;
	}

	/** The room of one household, if it has one. */
	public Optional<RoomLabel> roomOfHousehold(UUID communityId, UUID householdId) {
		return householdId == null ? Optional.empty()
				: Optional.ofNullable(roomsOfHouseholds(communityId, List.of(householdId)).get(householdId));
	}

}
