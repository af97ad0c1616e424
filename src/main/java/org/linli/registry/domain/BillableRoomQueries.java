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
		return this.jdbc.sql("""
				select r.id, r.building_id, b.name as building, r.unit, r.number, r.exclusive_area, r.room_use,
				       h.id as household_id, h.since,
				       case when h.id is not null and not exists (select 1 from registry.person p
				                  where p.community_id = r.community_id and p.household_id = h.id)
				            then (select max(s.until) from registry.residence s
				                   where s.community_id = r.community_id and s.room_id = r.id) end as until
				  from registry.room r
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				  left join lateral (select h.id, h.since from registry.household h
				                      where h.community_id = r.community_id and h.room_id = r.id
				                      order by h.since nulls first limit 1) h on true
				 where r.community_id = :c
				""").param("c", communityId)
			.query((rs, n) -> new BillableRoom(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
					rs.getString("building"), rs.getString("unit"), rs.getString("number"),
					rs.getBigDecimal("exclusive_area"), rs.getString("room_use"), rs.getObject("household_id", UUID.class),
					rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class)))
			.list();
	}

}
