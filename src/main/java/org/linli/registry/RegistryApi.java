package org.linli.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.CompoundWriter;
import org.linli.registry.domain.HouseholdQueries;

import org.springframework.stereotype.Service;

/** What other modules may ask of the registry. */
@Service
public class RegistryApi {

	/** The created compound and the ids of the persons of its plan, by plan key. */
	public record CreatedCompound(UUID communityId, Map<String, UUID> personIds) {
	}

	private final CommunityService communities;

	private final CompoundWriter compoundWriter;

	private final HouseholdQueries households;

	RegistryApi(CommunityService communities, CompoundWriter compoundWriter, HouseholdQueries households) {
		this.communities = communities;
		this.compoundWriter = compoundWriter;
		this.households = households;
	}

	/** The household the person lives in, as its members may see it. */
	public Optional<HouseholdView> householdOf(UUID personId) {
		return this.households.ofMember(personId);
	}

	public List<CommunitySummary> summaries(Collection<UUID> communityIds) {
		return this.communities.summaries(communityIds);
	}

	public List<CommunitySummary> allSummaries() {
		return this.communities.summaries(null);
	}

	public Optional<UUID> communityIdByCode(String code) {
		return this.communities.idByCode(code);
	}

	public Optional<CommunitySummary> summaryByCode(String code) {
		return this.communities.idByCode(code).flatMap(id -> this.communities.summaries(List.of(id)).stream().findFirst());
	}

	public CreatedCompound createCompound(CompoundPlan plan) {
		return this.compoundWriter.write(plan);
	}

	// Rooms and occupants for services that act for households (concierge: parcels, bookings, elderly meals).

	private org.linli.registry.domain.OccupantQueries occupants;

	@org.springframework.beans.factory.annotation.Autowired
	void setOccupantQueries(org.linli.registry.domain.OccupantQueries occupants) {
		this.occupants = occupants;
	}

	/** Where the person lives: room, household, birth year and tags; empty without a household. */
	public Optional<Occupant> occupant(UUID personId) {
		return this.occupants.occupant(personId);
	}

	/** The persons living in the room now. */
	public List<Occupant> occupants(UUID communityId, UUID roomId) {
		return this.occupants.occupants(communityId, roomId);
	}

	public Optional<RoomRef> room(UUID communityId, UUID roomId) {
		return this.occupants.room(communityId, roomId);
	}

	/** A room typed at a counter ("1-1-101", "1号楼1单元101"); empty unless exactly one room matches. */
	public Optional<RoomRef> roomByLabel(UUID communityId, String text) {
		return this.occupants.roomByLabel(communityId, text);
	}

}
