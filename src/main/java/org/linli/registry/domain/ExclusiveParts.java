package org.linli.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.ExclusivePart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every room of a compound with its owners on a day, for a voter roll of up to 100,000 rooms and more: four
 * single-table reads by community (buildings, rooms, current ownerships, persons), joined here in hash maps. No
 * statement joins two large tables, so the cost stays linear even when the planner's statistics lag behind a bulk
 * load (a nested loop over fresh tables took minutes). An ownership is current on a day when it started on or before
 * it and has not ended before it.
 */
@Service
public class ExclusiveParts {

	private record Room(UUID id, UUID buildingId, String unit, String number, java.math.BigDecimal area,
			AreaSource source) {
	}

	private record Owning(UUID roomId, boolean developer, UUID personId, LocalDate since) {
	}

	private record Person(String name, boolean owner) {
	}

	private final JdbcClient jdbc;

	ExclusiveParts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ExclusivePart> of(UUID communityId, LocalDate day) {
		Map<UUID, String> buildings = new HashMap<>();
		this.jdbc.sql("select id, name from registry.building where community_id = :c")
			.param("c", communityId)
			.query(rs -> {
				buildings.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		List<Room> rooms = this.jdbc.sql("""
				select id, building_id, unit, number, exclusive_area, area_source from registry.room
				 where community_id = :c order by building_sort, unit, floor, number
				""")
			.param("c", communityId)
			.query((rs, n) -> new Room(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getBigDecimal(5), AreaSource.valueOf(rs.getString(6))))
			.list();
		Map<UUID, List<Owning>> owners = new HashMap<>();
		this.jdbc.sql("""
				select room_id, owner_type, person_id, since from registry.ownership
				 where community_id = :c and since <= :day and (until is null or until >= :day)
				""")
			.param("c", communityId)
			.param("day", day)
			.query(rs -> {
				Owning owning = new Owning(rs.getObject(1, UUID.class), "DEVELOPER".equals(rs.getString(2)),
						rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class));
				owners.computeIfAbsent(owning.roomId(), k -> new ArrayList<>(2)).add(owning);
			});
		Map<UUID, Person> persons = new HashMap<>();
		this.jdbc.sql("select id, name, relation from registry.person where community_id = :c")
			.param("c", communityId)
			.query(rs -> {
				persons.put(rs.getObject(1, UUID.class), new Person(rs.getString(2), "OWNER".equals(rs.getString(3))));
			});
		// co-owners: the earliest first, then the one registered as 业主 (OWNER), then by name
		Comparator<Owning> order = Comparator.comparing(Owning::since)
			.thenComparing(o -> !persons.get(o.personId()).owner())
			.thenComparing(o -> persons.get(o.personId()).name())
			.thenComparing(Owning::personId);
		List<ExclusivePart> parts = new ArrayList<>(rooms.size());
		for (Room room : rooms) {
			List<Owning> owning = owners.getOrDefault(room.id(), List.of());
			boolean developer = owning.stream().anyMatch(Owning::developer);
			List<Owning> people = owning.stream()
				.filter(o -> o.personId() != null && persons.containsKey(o.personId()))
				.sorted(order)
				.toList();
			parts.add(new ExclusivePart(room.id(), buildings.get(room.buildingId()), room.unit(), room.number(),
					room.area(), room.source(), developer, people.stream().map(Owning::personId).toList(),
					people.stream().map(o -> persons.get(o.personId()).name()).toList()));
		}
		return parts;
	}

}
