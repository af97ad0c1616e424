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
 * Every room of a compound with its owners on a day, for a voter roll of up to 100,000 rooms and more: three reads
 * by community (buildings, rooms, current ownerships with their persons), joined here in hash maps. The only join in
 * SQL finds each owner's person by primary key, so even a nested loop chosen on fresh statistics stays linear; rooms
 * are not joined in SQL (a grouped join over fresh tables took minutes). An ownership is current on a day when it
 * started on or before it and has not ended before it.
 */
@Service
public class ExclusiveParts {

	private record Room(UUID id, UUID buildingId, String unit, String number, java.math.BigDecimal area,
			AreaSource source) {
	}

	/** A current owner of a room: the developer, or a person of the compound with the name and relation read. */
	private record Owning(boolean developer, UUID personId, LocalDate since, String name, boolean owner) {
	}

	private static final Comparator<Owning> CO_OWNER_ORDER = Comparator.comparing(Owning::since)
		.thenComparing(o -> !o.owner())
		.thenComparing(Owning::name)
		.thenComparing(Owning::personId);

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
		// only the owners' persons, joined by primary key: tenants and family members are not read at all
		Map<UUID, List<Owning>> owners = HashMap.newHashMap(rooms.size());
		this.jdbc.sql("""
				select o.room_id, o.owner_type = 'DEVELOPER', p.id, o.since, p.name, p.relation = 'OWNER'
				  from registry.ownership o
				  left join registry.person p on p.id = o.person_id and p.community_id = o.community_id
				 where o.community_id = :c and o.since <= :day and (o.until is null or o.until >= :day)
				""")
			.param("c", communityId)
			.param("day", day)
			.query(rs -> {
				Owning owning = new Owning(rs.getBoolean(2), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class),
						rs.getString(5), rs.getBoolean(6));
				owners.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(2)).add(owning);
			});
		List<ExclusivePart> parts = new ArrayList<>(rooms.size());
		for (Room room : rooms) {
			List<Owning> owning = owners.getOrDefault(room.id(), List.of());
			boolean developer = false;
			List<Owning> people = new ArrayList<>(owning.size());
			for (Owning o : owning) {
				developer |= o.developer();
				if (o.personId() != null) {
					people.add(o);
				}
			}
			if (people.size() > 1) {
				// co-owners: the earliest first, then the one registered as 业主 (OWNER), then by name
				people.sort(CO_OWNER_ORDER);
			}
			List<UUID> ids = new ArrayList<>(people.size());
			List<String> names = new ArrayList<>(people.size());
			for (Owning o : people) {
				ids.add(o.personId());
				names.add(o.name());
			}
			parts.add(new ExclusivePart(room.id(), buildings.get(room.buildingId()), room.unit(), room.number(),
					room.area(), room.source(), developer, ids, names));
		}
		return parts;
	}

}
