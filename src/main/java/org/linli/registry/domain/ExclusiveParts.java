package org.linli.registry.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.ExclusivePart;
import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every room of a compound with its owners on a day, for a voter roll of up to 100,000 rooms and more: four
 * single-table reads by community (buildings, rooms, current ownerships, persons), joined here in hash maps and plain
 * loops. No statement joins two large tables, so the cost stays linear even when the planner's statistics lag behind
 * a bulk load (a join planned on fresh tables ran for minutes, twice). An ownership is current on a day when it
 * started on or before it and has not ended before it.
 */
@Service
public class ExclusiveParts {

	private record Room(UUID id, UUID buildingId, String unit, String number, java.math.BigDecimal area,
			AreaSource source) {
	}

	private record Owning(boolean developer, UUID personId, LocalDate since) {
	}

	private record Person(String name, boolean owner) {
	}

	/** A current owner person of a room, with what orders co-owners. */
	private record Owner(UUID personId, LocalDate since, String name, boolean owner) {
	}

	private static final Comparator<Owner> CO_OWNER_ORDER = Comparator.comparing(Owner::since)
		.thenComparing(o -> !o.owner())
		.thenComparing(Owner::name)
		.thenComparing(Owner::personId);

	private final JdbcTemplate jdbc;

	ExclusiveParts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs one read with its results in PostgreSQL's binary format: pgjdbc asks for binary results (uuids, numbers,
	 * dates as bytes instead of text to parse) only for server-prepared statements, which a statement run once per
	 * roll never becomes by itself (prepareThreshold), so this one is prepared on the server from its first run.
	 */
	private void read(String sql, RowCallbackHandler rows, Object... params) {
		this.jdbc.query((Connection connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			return statement;
		}, rows);
	}

	@Transactional(readOnly = true)
	public List<ExclusivePart> of(UUID communityId, LocalDate day) {
		// server-prepared statements get a generic plan after five runs, planned for "some compound": where one
		// compound holds most rows, that plan scans whole tables for a small compound too (40 ms instead of 5 ms for
		// the demo compound beside a 100,000-room one). Planned for this compound each time instead.
		this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
		Map<UUID, String> buildings = new HashMap<>();
		read("select id, name from registry.building where community_id = ?",
				rs -> buildings.put(rs.getObject(1, UUID.class), rs.getString(2)), communityId);
		List<Room> rooms = new ArrayList<>();
		read("""
				select id, building_id, unit, number, exclusive_area, area_source from registry.room
				 where community_id = ? order by building_sort, unit, floor, number
				""", rs -> {
			rooms.add(new Room(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), AreaSource.valueOf(rs.getString(6))));
		}, communityId);
		Map<UUID, List<Owning>> owners = HashMap.newHashMap(rooms.size());
		read("""
				select room_id, owner_type = 'DEVELOPER', person_id, since from registry.ownership
				 where community_id = ? and since <= ? and (until is null or until >= ?)
				""", rs -> {
			Owning owning = new Owning(rs.getBoolean(2), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class));
			owners.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(2)).add(owning);
		}, communityId, day, day);
		// every person of the compound, by id: a single-table read stays linear whatever the planner's statistics
		// say (joined to ownership in SQL, a nested loop planned before the first ANALYZE of a bulk load ran for
		// minutes)
		Map<UUID, Person> persons = HashMap.newHashMap(rooms.size() + rooms.size() / 4);
		read("select id, name, relation = 'OWNER' from registry.person where community_id = ?",
				rs -> persons.put(rs.getObject(1, UUID.class), new Person(rs.getString(2), rs.getBoolean(3))),
				communityId);
		List<ExclusivePart> parts = new ArrayList<>(rooms.size());
		for (Room room : rooms) {
			List<Owning> owning = owners.getOrDefault(room.id(), List.of());
			boolean developer = false;
			List<Owner> people = new ArrayList<>(owning.size());
			for (Owning o : owning) {
				developer |= o.developer();
				Person person = o.personId() == null ? null : persons.get(o.personId());
				if (person != null) {
					people.add(new Owner(o.personId(), o.since(), person.name(), person.owner()));
				}
			}
			if (people.size() > 1) {
				// co-owners: the earliest first, then the one registered as 业主 (OWNER), then by name
				people.sort(CO_OWNER_ORDER);
			}
			List<UUID> ids = new ArrayList<>(people.size());
			List<String> names = new ArrayList<>(people.size());
			for (Owner o : people) {
				ids.add(o.personId());
				names.add(o.name());
			}
			parts.add(new ExclusivePart(room.id(), buildings.get(room.buildingId()), room.unit(), room.number(),
					room.area(), room.source(), developer, ids, names));
		}
		return parts;
	}

}
