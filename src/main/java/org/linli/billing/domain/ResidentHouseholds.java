package org.linli.billing.domain;

import java.util.Optional;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.RegistryApi;

import org.springframework.stereotype.Component;

/** The household (and its room) a resident account lives in: the only bills a resident may see or pay. */
@Component
public class ResidentHouseholds {

	public record Resident(UUID communityId, UUID householdId, UUID roomId, String room) {
	}

	private final RegistryApi registry;

	private final BillableRooms rooms;

	ResidentHouseholds(RegistryApi registry, BillableRooms rooms) {
		this.registry = registry;
		this.rooms = rooms;
	}

	public Optional<Resident> of(CurrentUser user) {
		if (user.personId() == null) {
			return Optional.empty();
		}
		return this.registry.householdOf(user.personId()).flatMap(household -> {
			UUID cid = household.communityId();
			var room = this.rooms.ofHousehold(cid, household.householdId()).or(() -> {
				this.rooms.refresh(cid);
				return this.rooms.ofHousehold(cid, household.householdId());
			});
			return room.map(r -> new Resident(cid, household.householdId(), r.roomId(), household.communityName() + " "
					+ r.label()));
		});
	}

}
