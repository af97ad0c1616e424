package org.linli.registry.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.linli.registry.Occupant;
import org.linli.registry.RoomRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rooms and their occupants for services that act for a household (parcels, bookings, meals). Merged persons are
 * left out: their row is history, the kept person is the one who lives there.
 */
@Service
public class OccupantQueries {

	private static final String OCCUPANT = """
			select p.id, p.community_id, p.household_id, h.room_id, b.name as building, r.unit, r.number, p.name,
			       extract(year from p.birth_date)::int as birth_year, p.tags
			  from registry.person p
			  join registry.household h on h.id = p.household_id and h.community_id = p.community_id
			  join registry.room r on r.id = h.room_id and r.community_id = h.community_id
			  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
			""";

	private final JdbcClient jdbc;

	private final RegistrySearch search;

	OccupantQueries(JdbcClient jdbc, RegistrySearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	/** The person (any community), where they live; empty for persons without a household. */
	public Optional<Occupant> occupant(UUID personId) {
		return this.jdbc.sql(OCCUPANT + " where p.id = :p and p.merged_into is null")
			.param("p", personId)
			.query(OccupantQueries::occupant)
			.optional();
	}

	/** The persons living in a room now, in the order they were registered. */
	public List<Occupant> occupants(UUID communityId, UUID roomId) {
		return this.jdbc.sql(OCCUPANT + """
				 where p.community_id = :c and h.room_id = :r and p.merged_into is null
				 order by p.created_at, p.name
				""").param("c", communityId).param("r", roomId).query(OccupantQueries::occupant).list();
	}

	public Optional<RoomRef> room(UUID communityId, UUID roomId) {
		return this.jdbc.sql("""
				select r.id, b.name as building, r.unit, r.number,
				       (select h.id from registry.household h where h.community_id = r.community_id
				           and h.room_id = r.id order by h.since nulls first limit 1) as household_id
				  from registry.room r join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				 where r.community_id = :c and r.id = :r
				""").param("c", communityId).param("r", roomId)
			.query((rs, n) -> new RoomRef(communityId, rs.getObject("id", UUID.class),
					rs.getObject("household_id", UUID.class),
					label(rs.getString("building"), rs.getString("unit"), rs.getString("number"))))
			.optional();
	}

	/** A room written as staff type it at a counter: "1-1-101", "1号楼1单元101", ... (one match or none). */
	public Optional<RoomRef> roomByLabel(UUID communityId, String text) {
		List<UUID> rooms = this.search.search(communityId, text)
			.stream()
			.filter(hit -> hit.personId() == null && hit.roomId() != null)
			.map(RegistrySearch.Hit::roomId)
			.distinct()
			.toList();
		return rooms.size() == 1 ? room(communityId, rooms.getFirst()) : Optional.empty();
	}

	static String label(String building, String unit, String number) {
		return building + " " + unit + "-" + number;
	}

	private static Occupant occupant(ResultSet rs, int n) throws SQLException {
		Array tags = rs.getArray("tags");
		Set<String> tagSet = tags == null ? Set.of()
				: Arrays.stream((Object[]) tags.getArray()).map(String::valueOf).collect(Collectors.toUnmodifiableSet());
		return new Occupant(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getObject("room_id", UUID.class),
				label(rs.getString("building"), rs.getString("unit"), rs.getString("number")), rs.getString("name"),
				(Integer) rs.getObject("birth_year"), tagSet);
	}

}
