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

	// rooms and assets for other modules (work orders); injected by setter so the additions stay together

	private org.linli.registry.domain.PlaceQueries places;

	@org.springframework.beans.factory.annotation.Autowired
	void setPlaceQueries(org.linli.registry.domain.PlaceQueries places) {
		this.places = places;
	}

	/** The room the person lives in and the rooms they own now, the lived-in one first. */
	public List<RoomLabel> roomsOf(UUID personId) {
		return this.places.roomsOf(personId);
	}

	public Optional<RoomLabel> room(UUID communityId, UUID roomId) {
		return this.places.room(communityId, roomId);
	}

	/** Every room of the community in building, unit and floor order. */
	public List<RoomLabel> rooms(UUID communityId) {
		return this.places.rooms(communityId);
	}

	public Optional<AssetLabel> asset(UUID communityId, UUID assetId) {
		return this.places.asset(communityId, assetId);
	}

	/** The asset whose QR label carries the code (case-insensitive). */
	public Optional<AssetLabel> assetByCode(String code) {
		return this.places.assetByCode(code);
	}

	/** Assets in service or awaiting repair (not retired), by type and name. */
	public List<AssetLabel> assets(UUID communityId) {
		return this.places.assets(communityId);
	}

}
