package org.linli.registry.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.ExclusivePart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every room of a compound with its owners on a day, read in one statement (a voter roll of 100,000 rooms must not
 * cost a round trip per room). An ownership is current on a day when it started on or before it and has not ended
 * before it.
 */
@Service
public class ExclusiveParts {

	private final JdbcClient jdbc;

	ExclusiveParts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ExclusivePart> of(UUID communityId, LocalDate day) {
		return this.jdbc.sql("""
				select r.id, b.name as building, r.unit, r.number, r.exclusive_area, r.area_source,
				       coalesce(bool_or(o.owner_type = 'DEVELOPER'), false) as developer,
				       array_remove(array_agg(o.person_id
				           order by o.since, p.relation = 'OWNER' desc, p.name, o.person_id), null) as owner_ids,
				       array_remove(array_agg(p.name
				           order by o.since, p.relation = 'OWNER' desc, p.name, o.person_id), null) as owner_names
				  from registry.room r
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				  left join registry.ownership o on o.community_id = r.community_id and o.room_id = r.id
				        and o.since <= :day and (o.until is null or o.until >= :day)
				  left join registry.person p on p.community_id = o.community_id and p.id = o.person_id
				 where r.community_id = :c
				 group by r.id, b.name, r.building_sort, r.unit, r.floor, r.number, r.exclusive_area, r.area_source
				 order by r.building_sort, r.unit, r.floor, r.number
				""")
			.param("c", communityId)
			.param("day", day)
			.query((rs, n) -> new ExclusivePart(rs.getObject("id", UUID.class), rs.getString("building"),
					rs.getString("unit"), rs.getString("number"), rs.getBigDecimal("exclusive_area"),
					AreaSource.valueOf(rs.getString("area_source")), rs.getBoolean("developer"),
					uuids(rs.getArray("owner_ids")), strings(rs.getArray("owner_names"))))
			.list();
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add((UUID) id);
		}
		return ids;
	}

	private static List<String> strings(Array array) throws SQLException {
		List<String> names = new ArrayList<>();
		for (Object name : (Object[]) array.getArray()) {
			names.add((String) name);
		}
		return names;
	}

}
