package org.linli.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.registry.domain.AssetReports;
import org.linli.registry.domain.BillableRoomQueries;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.CompoundWriter;
import org.linli.registry.domain.ExclusiveParts;
import org.linli.registry.domain.HouseholdQueries;
import org.linli.registry.domain.OccupantQueries;
import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.PlaceQueries;
import org.linli.registry.domain.RegionService;
import org.linli.registry.domain.RegistryQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the registry. */
@Service
public class RegistryApi {

	/** The created compound and the ids of the persons of its plan, by plan key. */
	public record CreatedCompound(UUID communityId, Map<String, UUID> personIds) {
	}

	/** A building by id and name (to place devices, say). */
	public record BuildingRef(UUID id, String name) {
	}

	/** What another module may know of a person: household, birth date (for the under-14 rules) and name. */
	public record PersonBrief(UUID id, UUID communityId, UUID householdId, String name, java.time.LocalDate birthDate) {
	}

	private final CommunityService communities;

	private final RegistryQueries queries;

	private final PersonService persons;

	private final CompoundWriter compoundWriter;

	private final HouseholdQueries households;

	private final RegionService regions;

	private final OccupantQueries occupants;

	private final PlaceQueries places;

	private final BillableRoomQueries billableRooms;

	private final ExclusiveParts exclusiveParts;

	private final AssetReports assetReports;

	RegistryApi(CommunityService communities, CompoundWriter compoundWriter, HouseholdQueries households,
			RegionService regions, OccupantQueries occupants, PlaceQueries places, RegistryQueries queries,
			PersonService persons, BillableRoomQueries billableRooms, ExclusiveParts exclusiveParts,
			AssetReports assetReports) {
		this.assetReports = assetReports;
		this.exclusiveParts = exclusiveParts;
		this.billableRooms = billableRooms;
		this.places = places;
		this.communities = communities;
		this.queries = queries;
		this.persons = persons;
		this.regions = regions;
		this.occupants = occupants;
		this.compoundWriter = compoundWriter;
		this.households = households;
	}

	/** A problem report from an asset's scan page became this repair order: the report is handled by it. */
	public void assetReportBecameOrder(UUID communityId, UUID reportId, UUID workOrderId) {
		this.assetReports.becameOrder(communityId, reportId, workOrderId);
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

	/**
	 * Places the compound under the last region of the path, creating the regions that do not exist yet; returns that
	 * region's id (to scope street officers, say).
	 */
	@Transactional
	public UUID placeInRegions(UUID communityId, List<RegionPlan> path) {
		UUID parent = null;
		for (RegionPlan region : path) {
			parent = this.regions.ensure(parent, region.level(), region.code(), region.name());
		}
		this.regions.place(communityId, parent);
		return parent;
	}

	// Rooms and occupants for services that act for households (concierge: parcels, bookings, elderly meals).

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

	// Rooms and assets as work orders name them on screens.

	/** The room the person lives in and the rooms they own now, the lived-in one first. */
	public List<RoomLabel> roomsOf(UUID personId) {
		return this.places.roomsOf(personId);
	}

	public Optional<RoomLabel> roomLabel(UUID communityId, UUID roomId) {
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

	public List<BuildingRef> buildings(UUID communityId) {
		return this.queries.buildings(communityId).stream().map(b -> new BuildingRef(b.id(), b.name())).toList();
	}

	public Optional<String> buildingName(UUID communityId, UUID buildingId) {
		return this.queries.buildingName(communityId, buildingId);
	}

	public Optional<String> assetName(UUID communityId, UUID assetId) {
		return asset(communityId, assetId).map(AssetLabel::name);
	}

	public Optional<PersonBrief> person(UUID communityId, UUID personId) {
		return this.persons.find(communityId, personId)
			.map(p -> new PersonBrief(p.id(), p.communityId(), p.householdId(), p.name(), p.birthDate()));
	}

	// Rooms as billing charges them.

	/** Every room of the compound with area, use, building and occupancy dates, for bulk billing refreshes. */
	public List<BillableRoom> billableRooms(UUID communityId) {
		return this.billableRooms.of(communityId);
	}

	/**
	 * A counter per compound that moves whenever anything {@link #billableRooms} answers may have changed, so a
	 * caller keeping a copy re-reads only compounds whose counter moved. Read-only.
	 */
	public Map<UUID, Long> billableVersions(Collection<UUID> communityIds) {
		return this.billableRooms.versions(communityIds);
	}

	/**
	 * Every room of the community as an exclusive part with its owners on the given day, in building order (the
	 * owners' voter roll, DOMAIN.md §3). One statement whatever the size of the compound.
	 */
	public List<ExclusivePart> exclusiveParts(UUID communityId, java.time.LocalDate day) {
		return this.exclusiveParts.of(communityId, day);
	}

}
