package org.linli.registry.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.BuildingPlan;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.RegistryApi.CreatedCompound;
import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes a whole {@link CompoundPlan} in batches and in one transaction: all of it or nothing. */
@Service
public class CompoundWriter {

	private final JdbcTemplate jdbc;

	private final CommunityService communities;

	private final Clock clock;

	private final FieldCipher cipher;

	CompoundWriter(JdbcTemplate jdbc, CommunityService communities, Clock clock, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.communities = communities;
		this.clock = clock;
		this.cipher = cipher;
	}

	@Transactional
	public CreatedCompound write(CompoundPlan plan) {
		if (this.communities.idByCode(plan.code()).isPresent()) {
			throw DomainException.conflict("community.code.taken", plan.code());
		}
		UUID communityId = UUID.randomUUID();
		this.communities.insert(communityId, plan.code(), plan.name(), plan.address(), plan.builtYear());
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> buildings = new ArrayList<>();
		List<Object[]> rooms = new ArrayList<>();
		List<Object[]> households = new ArrayList<>();
		List<Object[]> persons = new ArrayList<>();
		List<Object[]> stays = new ArrayList<>();
		List<Object[]> ownerships = new ArrayList<>();
		Map<String, UUID> personIds = new HashMap<>();
		Map<RoomPlan, UUID> roomIds = new java.util.IdentityHashMap<>();
		int order = 0;
		for (BuildingPlan building : plan.buildings()) {
			UUID buildingId = UUID.randomUUID();
			buildings.add(new Object[] { buildingId, communityId, building.name(), order++, building.hasElevator() });
			for (RoomPlan room : building.rooms()) {
				UUID roomId = UUID.randomUUID();
				roomIds.put(room, roomId);
				rooms.add(new Object[] { roomId, communityId, buildingId, room.unit(), room.floor(), room.number(),
						room.exclusiveArea(), room.areaSource().name(), room.grossArea(), building.hasElevator(),
						order - 1 });
				if (!room.household().isEmpty()) {
					UUID householdId = UUID.randomUUID();
					households.add(new Object[] { householdId, communityId, roomId, date(room.movedIn()) });
					for (PersonPlan person : room.household()) {
						UUID personId = personIds.computeIfAbsent(person.key(), k -> UUID.randomUUID());
						persons.add(new Object[] { personId, communityId, householdId, person.name(),
								String.valueOf(person.gender()), date(person.birthDate()), person.relation().name(),
								now, this.cipher.encrypt(person.idNumber()), index(person.idNumber()),
								this.cipher.encrypt(person.phone()), index(person.phone()) });
						// the stay a later move-out closes (billing prorates by it), as a move-in writes one
						stays.add(new Object[] { UUID.randomUUID(), communityId, personId, roomId,
								person.relation().name(), date(room.movedIn()) });
					}
				}
			}
		}
		// owners are resolved after every household is known: an owner may live in another room or nowhere here
		for (BuildingPlan building : plan.buildings()) {
			for (RoomPlan room : building.rooms()) {
				addOwnership(ownerships, communityId, roomIds.get(room), room, personIds);
			}
		}
		this.jdbc.batchUpdate("insert into registry.building (id, community_id, name, sort_order, has_elevator) "
				+ "values (?, ?, ?, ?, ?)", buildings);
		this.jdbc.batchUpdate("insert into registry.room (id, community_id, building_id, unit, floor, number, "
				+ "exclusive_area, area_source, gross_area, has_elevator, building_sort) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rooms);
		this.jdbc.batchUpdate("insert into registry.household (id, community_id, room_id, since) values (?, ?, ?, ?)",
				households);
		this.jdbc.batchUpdate("insert into registry.person (id, community_id, household_id, name, gender, birth_date, "
				+ "relation, created_at, id_number_enc, id_number_index, phone_enc, phone_index) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", persons);
		this.jdbc.batchUpdate("insert into registry.residence (id, community_id, person_id, room_id, relation, since) "
				+ "values (?, ?, ?, ?, ?, ?)", stays);
		this.jdbc.batchUpdate("insert into registry.ownership (id, community_id, room_id, owner_type, person_id, since) "
				+ "values (?, ?, ?, ?, ?, ?)", ownerships);
		if (rooms.size() >= ANALYZE_AFTER) {
			analyzeAfterCommit();
		}
		return new CreatedCompound(communityId, Map.copyOf(personIds));
	}

	/** From this many rooms at once, the planner's statistics of the registry's tables are refreshed afterwards. */
	static final int ANALYZE_AFTER = 10_000;

	/**
	 * After a bulk load the planner's row estimates of these tables are stale until autovacuum gets to them, and
	 * reads by community planned on them (the voter roll's, say) cost several times more: refresh them once the
	 * compound is committed, off the caller's thread.
	 */
	private void analyzeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Thread.ofVirtual().name("registry-analyze").start(() -> {
					try {
						CompoundWriter.this.jdbc.execute(
								"analyze registry.building, registry.room, registry.household, registry.person, "
										+ "registry.residence, registry.ownership");
					}
					catch (RuntimeException ex) {
						org.slf4j.LoggerFactory.getLogger(CompoundWriter.class).warn("analyze after a bulk load failed",
								ex);
					}
				});
			}
		});
	}

	private void addOwnership(List<Object[]> ownerships, UUID communityId, UUID roomId, RoomPlan room,
			Map<String, UUID> personIds) {
		if (room.owner() == null) {
			return;
		}
		Date since = date(room.owner().since());
		if (room.owner().type() == CompoundPlan.OwnerType.DEVELOPER) {
			ownerships.add(new Object[] { UUID.randomUUID(), communityId, roomId, "DEVELOPER", null, since });
			return;
		}
		for (String key : room.owner().personKeys()) {
			UUID personId = personIds.get(key);
			if (personId == null) {
				throw new IllegalArgumentException("Owner " + key + " is not a person of the plan");
			}
			ownerships.add(new Object[] { UUID.randomUUID(), communityId, roomId, "PERSON", personId, since });
		}
	}

	private String index(String value) {
		return value == null ? null : this.cipher.blindIndex(value);
	}

	private static Date date(java.time.LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
