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

	/**
	 * Every room of the community as an exclusive part with its owners on the given day, in building order (the
	 * owners' voter roll, DOMAIN.md §3). One statement whatever the size of the compound.
	 */
	public List<ExclusivePart> exclusiveParts(UUID communityId, java.time.LocalDate day) {
		return this.exclusiveParts.of(communityId, day);
	}

	@org.springframework.beans.factory.annotation.Autowired
	void setExclusiveParts(org.linli.registry.domain.ExclusiveParts exclusiveParts) {
		this.exclusiveParts = exclusiveParts;
	}

	private org.linli.registry.domain.ExclusiveParts exclusiveParts;

}
