package org.linli.registry.domain;

import java.util.Optional;
import java.util.UUID;

import org.linli.registry.HouseholdView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a household through one of its members, so nobody is handed another household by id. */
@Service
public class HouseholdQueries {

	private final JdbcClient jdbc;

	private final VehicleService vehicles;

	HouseholdQueries(JdbcClient jdbc, VehicleService vehicles) {
		this.jdbc = jdbc;
		this.vehicles = vehicles;
	}

	@Transactional(readOnly = true)
	public Optional<HouseholdView> ofMember(UUID personId) {
		return this.jdbc.sql("""
				select h.id as household_id, c.id as community_id, c.name as community, b.name as building, r.unit,
				       r.number, r.exclusive_area
				  from registry.person p
				  join registry.household h on h.id = p.household_id and h.community_id = p.community_id
				  join registry.room r on r.id = h.room_id and r.community_id = h.community_id
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				  join registry.community c on c.id = p.community_id
				 where p.id = :person
				""")
			.param("person", personId)
			.query((rs, n) -> new HouseholdView(rs.getObject("household_id", UUID.class),
					rs.getObject("community_id", UUID.class), rs.getString("community"), rs.getString("building"),
					rs.getString("unit"), rs.getString("number"), rs.getBigDecimal("exclusive_area"), null, null, null))
			.optional()
			.map(this::withMembers);
	}

	private HouseholdView withMembers(HouseholdView view) {
		var members = this.jdbc.sql("""
				select id, name, relation, extract(year from birth_date)::int as birth_year
				  from registry.person where community_id = :c and household_id = :h order by created_at, name
				""")
			.param("c", view.communityId())
			.param("h", view.householdId())
			.query((rs, n) -> new HouseholdView.Member(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("relation"), (Integer) rs.getObject("birth_year")))
			.list();
		var vehicles = this.vehicles.ofHousehold(view.communityId(), view.householdId())
			.stream()
			.map(v -> new HouseholdView.Vehicle(v.plate(), v.newEnergy()))
			.toList();
		var requests = this.jdbc.sql("""
				select kind, status, reason from registry.change_request
				 where community_id = :c and household_id = :h order by created_at desc limit 10
				""").param("c", view.communityId()).param("h", view.householdId())
			.query((rs, n) -> new HouseholdView.RequestLine(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		return new HouseholdView(view.householdId(), view.communityId(), view.communityName(), view.building(),
				view.unit(), view.number(), view.exclusiveArea(), members, vehicles, requests);
	}

}
