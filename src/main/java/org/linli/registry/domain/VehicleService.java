package org.linli.registry.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.linli.shared.person.PlateNumber;
import org.linli.shared.person.Validation;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vehicles of the community's persons; one registration per plate and community. */
@Service
public class VehicleService {

	public record Vehicle(UUID id, String plate, boolean newEnergy, UUID personId, UUID roomId) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	VehicleService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID register(UUID communityId, String rawPlate, UUID personId, UUID roomId) {
		Violations violations = new Violations();
		Validation<PlateNumber> plate = PlateNumber.parse(rawPlate);
		plate.error().ifPresent(code -> violations.add("plate", code));
		violations.require(personId != null && exists("registry.person", communityId, personId), "personId",
				"person.notFound");
		violations.require(roomId == null || exists("registry.room", communityId, roomId), "roomId", "room.unknown");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into registry.vehicle (id, community_id, plate, new_energy, person_id, room_id, created_at)
					values (:id, :c, :plate, :ne, :p, :r, :now)
					""")
				.param("id", id)
				.param("c", communityId)
				.param("plate", plate.orElseThrow().value())
				.param("ne", plate.orElseThrow().isNewEnergy())
				.param("p", personId)
				.param("r", roomId)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("vehicle.plate.taken");
		}
		return id;
	}

	/** Removes a registration (sold, scrapped, moved away); the plate may then be registered again. */
	@Transactional
	public void remove(UUID communityId, UUID vehicleId) {
		int removed = this.jdbc.sql("delete from registry.vehicle where community_id = :c and id = :id")
			.param("c", communityId).param("id", vehicleId).update();
		if (removed == 0) {
			throw DomainException.notFound("registry.vehicle.notFound");
		}
	}

	/** The vehicles registered to one person. */
	public List<Vehicle> ofPerson(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select id, plate, new_energy, person_id, room_id from registry.vehicle
				 where community_id = :c and person_id = :p order by plate
				""").param("c", communityId).param("p", personId).query(VehicleService::row).list();
	}

	/** The vehicles of the persons of one household. */
	public List<Vehicle> ofHousehold(UUID communityId, UUID householdId) {
		return this.jdbc.sql("""
				select v.id, v.plate, v.new_energy, v.person_id, v.room_id
				  from registry.vehicle v join registry.person p on p.id = v.person_id and p.community_id = v.community_id
				 where v.community_id = :c and p.household_id = :h order by v.plate
				""").param("c", communityId).param("h", householdId).query(VehicleService::row).list();
	}

	public List<Vehicle> ofCommunity(UUID communityId, int limit, long offset) {
		return this.jdbc.sql("""
				select id, plate, new_energy, person_id, room_id from registry.vehicle
				 where community_id = :c order by plate limit :limit offset :offset
				""").param("c", communityId).param("limit", limit).param("offset", offset)
			.query(VehicleService::row).list();
	}

	public long count(UUID communityId) {
		return this.jdbc.sql("select count(*) from registry.vehicle where community_id = :c").param("c", communityId)
			.query(Long.class).single();
	}

	private boolean exists(String table, UUID communityId, UUID id) {
		return this.jdbc.sql("select count(*) from " + table + " where community_id = :c and id = :id")
			.param("c", communityId).param("id", id).query(Long.class).single() > 0;
	}

	private static Vehicle row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Vehicle(rs.getObject("id", UUID.class), rs.getString("plate"), rs.getBoolean("new_energy"),
				rs.getObject("person_id", UUID.class), rs.getObject("room_id", UUID.class));
	}

}
