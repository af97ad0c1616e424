package org.linli.billing.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.registry.BillableRoom;
import org.linli.registry.RegistryApi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's own projection of the registry's rooms ({@code billing.billable_room}), refreshed in bulk from
 * {@link RegistryApi}: one read and one array-bound upsert per compound, writing only rows that changed.
 */
@Service
public class BillableRooms {

	/** A room of the projection, as billing pages show it. */
	public record Room(UUID roomId, UUID buildingId, String building, String unit, String number, BigDecimal area,
			String use, UUID householdId) {

		public String label() {
			return this.building + " " + this.unit + "-" + this.number;
		}

	}

	private final RegistryApi registry;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	BillableRooms(RegistryApi registry, JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/**
	 * Brings the projection of one compound up to date; returns the number of rows written or removed. Skips the
	 * registry read when the registry's change counter of the compound has not moved since the last refresh.
	 */
	@Transactional
	public int refresh(UUID communityId) {
		return refreshStale(this.registry.billableVersions(List.of(communityId)), communityId);
	}

	/** The compounds whose registry counter moved since their last refresh (or that were never refreshed). */
	public java.util.Map<UUID, Long> stale(List<UUID> communityIds) {
		java.util.Map<UUID, Long> versions = new java.util.HashMap<>(this.registry.billableVersions(communityIds));
		this.jdbc.sql("select community_id, registry_version from billing.projection_state "
				+ "where community_id = any(cast(:ids as uuid[]))").param("ids", Ledger.uuidArray(communityIds))
			.query((java.sql.ResultSet rs) -> {
				UUID id = rs.getObject(1, UUID.class);
				if (versions.get(id) != null && versions.get(id) == rs.getLong(2)) {
					versions.remove(id);
				}
			});
		return versions;
	}

	/** Refreshes one compound if its counter (read before the rooms, so a later change is seen next time) moved. */
	@Transactional
	public int refreshStale(java.util.Map<UUID, Long> versions, UUID communityId) {
		Long version = versions.get(communityId);
		Long known = this.jdbc.sql("select registry_version from billing.projection_state where community_id = :c")
			.param("c", communityId).query(Long.class).optional().orElse(null);
		if (version != null && version.equals(known)) {
			return 0;
		}
		int written = reload(communityId);
		if (version != null) {
			this.jdbc.sql("""
					insert into billing.projection_state (community_id, registry_version) values (:c, :v)
					on conflict (community_id) do update set registry_version = excluded.registry_version
					""").param("c", communityId).param("v", version).update();
		}
		return written;
	}

	private int reload(UUID communityId) {
		List<BillableRoom> rooms = this.registry.billableRooms(communityId);
		int n = rooms.size();
		UUID[] ids = new UUID[n];
		UUID[] buildings = new UUID[n];
		String[] buildingNames = new String[n];
		String[] units = new String[n];
		String[] numbers = new String[n];
		BigDecimal[] areas = new BigDecimal[n];
		String[] uses = new String[n];
		UUID[] households = new UUID[n];
		Date[] from = new Date[n];
		Date[] until = new Date[n];
		for (int i = 0; i < n; i++) {
			BillableRoom room = rooms.get(i);
			ids[i] = room.roomId();
			buildings[i] = room.buildingId();
			buildingNames[i] = room.building();
			units[i] = room.unit();
			numbers[i] = room.number();
			areas[i] = room.exclusiveArea();
			uses[i] = room.use();
			households[i] = room.householdId();
			from[i] = room.occupiedFrom() == null ? null : Date.valueOf(room.occupiedFrom());
			until[i] = room.occupiedUntil() == null ? null : Date.valueOf(room.occupiedUntil());
		}
		Integer written = this.jdbcTemplate.execute((java.sql.Connection con) -> {
			try (var ps = con.prepareStatement("""
					insert into billing.billable_room as t (community_id, room_id, building_id, building, unit, number,
					       area, room_use, household_id, occupied_from, occupied_until)
					select ?, u.* from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
					       ?::numeric[], ?::varchar[], ?::uuid[], ?::date[], ?::date[])
					       as u(room_id, building_id, building, unit, number, area, room_use, household_id,
					            occupied_from, occupied_until)
					 -- unchanged rooms are left alone: not even locked, so a repeated refresh writes nothing
					 where not exists (select 1 from billing.billable_room o where o.community_id = ?
					        and o.room_id = u.room_id and (o.building_id, o.building, o.unit, o.number, o.area,
					        o.room_use, o.household_id, o.occupied_from, o.occupied_until) is not distinct from
					        (u.building_id, u.building, u.unit, u.number, u.area, u.room_use, u.household_id,
					        u.occupied_from, u.occupied_until))
					on conflict (community_id, room_id) do update
					   set building_id = excluded.building_id, building = excluded.building, unit = excluded.unit,
					       number = excluded.number, area = excluded.area, room_use = excluded.room_use,
					       household_id = excluded.household_id, occupied_from = excluded.occupied_from,
					       occupied_until = excluded.occupied_until
					 where (t.building_id, t.building, t.unit, t.number, t.area, t.room_use, t.household_id,
					        t.occupied_from, t.occupied_until)
					       is distinct from (excluded.building_id, excluded.building, excluded.unit, excluded.number,
					        excluded.area, excluded.room_use, excluded.household_id, excluded.occupied_from,
					        excluded.occupied_until)
					""")) {
				Array idArray = con.createArrayOf("uuid", ids);
				ps.setObject(1, communityId);
				ps.setArray(2, idArray);
				ps.setArray(3, con.createArrayOf("uuid", buildings));
				ps.setArray(4, con.createArrayOf("varchar", buildingNames));
				ps.setArray(5, con.createArrayOf("varchar", units));
				ps.setArray(6, con.createArrayOf("varchar", numbers));
				ps.setArray(7, con.createArrayOf("numeric", areas));
				ps.setArray(8, con.createArrayOf("varchar", uses));
				ps.setArray(9, con.createArrayOf("uuid", households));
				ps.setArray(10, con.createArrayOf("date", from));
				ps.setArray(11, con.createArrayOf("date", until));
				ps.setObject(12, communityId);
				int upserted = ps.executeUpdate();
				try (var delete = con.prepareStatement(
						"delete from billing.billable_room t where community_id = ? and not exists "
								+ "(select 1 from unnest(?::uuid[]) as u(id) where u.id = t.room_id)")) {
					delete.setObject(1, communityId);
					delete.setArray(2, idArray);
					return upserted + delete.executeUpdate();
				}
			}
		});
		return written == null ? 0 : written;
	}

	public Optional<Room> room(UUID communityId, UUID roomId) {
		return this.jdbc.sql("select * from billing.billable_room where community_id = :c and room_id = :r")
			.param("c", communityId).param("r", roomId).query(this::row).optional();
	}

	/** The room a household lives in, as the projection knows it. */
	public Optional<Room> ofHousehold(UUID communityId, UUID householdId) {
		return this.jdbc.sql("select * from billing.billable_room where community_id = :c and household_id = :h "
				+ "limit 1").param("c", communityId).param("h", householdId).query(this::row).optional();
	}

	/** Rooms whose label starts with the text (building name, or building and unit), for the staff search. */
	public List<Room> search(UUID communityId, String text, int limit) {
		return this.jdbc.sql("""
				select * from billing.billable_room where community_id = :c
				   and (building || ' ' || unit || '-' || number) like :q
				 order by building, unit, number limit :l
				""").param("c", communityId).param("q", text.strip() + "%").param("l", limit).query(this::row).list();
	}

	public record Building(UUID id, String name) {
	}

	public List<Building> buildings(UUID communityId) {
		return this.jdbc.sql("select distinct building_id, building from billing.billable_room where community_id = :c "
				+ "order by building").param("c", communityId)
			.query((rs, n) -> new Building(rs.getObject(1, UUID.class), rs.getString(2))).list();
	}

	private Room row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Room(rs.getObject("room_id", UUID.class), rs.getObject("building_id", UUID.class),
				rs.getString("building"), rs.getString("unit"), rs.getString("number"), rs.getBigDecimal("area"),
				rs.getString("room_use"), rs.getObject("household_id", UUID.class));
	}

}
