package org.linli.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.linli.registry.BillableRoom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every room of a compound with its occupancy, in one statement, for billing's bulk refresh. */
@Service
public class BillableRoomQueries {

	private final JdbcClient jdbc;

	BillableRoomQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<BillableRoom> of(UUID communityId) {
		// hash joins over the compound's households, residents and stays instead of three lookups per room
		return this.jdbc.sql("""
				with h as (select distinct on (room_id) room_id, id, since from registry.household
				            where community_id = :c order by room_id, since nulls first, id),
				     occupied as (select distinct household_id from registry.person
				                   where community_id = :c and household_id is not null),
				     stays as (select room_id, max(until) as until from registry.residence
				                where community_id = :c group by room_id)
				select r.id, r.building_id, b.name as building, r.unit, r.number, r.exclusive_area, r.room_use,
				       h.id as household_id, h.since, case when o.household_id is null then s.until end as until
				  from registry.room r
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				  left join h on h.room_id = r.id
				  left join occupied o on o.household_id = h.id
				  left join stays s on s.room_id = r.id
				 where r.community_id = :c
				""").param("c", communityId)
			.query((rs, n) -> new BillableRoom(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
					rs.getString("building"), rs.getString("unit"), rs.getString("number"),
					rs.getBigDecimal("exclusive_area"), rs.getString("room_use"), rs.getObject("household_id", UUID.class),
					rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class)))
			.list();
	}

	/**
	 * The change counter of each compound's billable rooms (0 for a compound never changed since counting began);
	 * it moves whenever a room, building, household, household member or stay changes.
	 */
	public java.util.Map<UUID, Long> versions(java.util.Collection<UUID> communityIds) {
		java.util.Map<UUID, Long> result = new java.util.HashMap<>();
		communityIds.forEach(id -> result.put(id, 0L));
		String ids = communityIds.stream().map(UUID::toString)
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		this.jdbc.sql("select community_id, version from registry.billable_version "
				+ "where community_id = any(cast(:ids as uuid[]))").param("ids", ids)
			.query((java.sql.ResultSet rs) -> {
				result.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		return result;
	}

}
