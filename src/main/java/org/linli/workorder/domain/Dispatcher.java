package org.linli.workorder.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.AccountRef;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Automatic dispatch (自动派单): among the community's technicians, those with the category's skill (everyone when
 * nobody has it), the one with the fewest open orders; ties go by username so the choice is repeatable.
 */
@Component
class Dispatcher {

	private final IdentityApi identity;

	private final Categories categories;

	private final WorkOrderRepository orders;

	Dispatcher(IdentityApi identity, Categories categories, WorkOrderRepository orders) {
		this.identity = identity;
		this.categories = categories;
		this.orders = orders;
	}

	List<AccountRef> technicians(UUID communityId) {
		return this.identity.accountsInCommunity(communityId, List.of(Role.TECHNICIAN));
	}

	Optional<AccountRef> choose(UUID communityId, String skill) {
		List<AccountRef> technicians = technicians(communityId);
		Map<UUID, List<String>> skills = this.categories.skills(communityId);
		List<AccountRef> skilled = skill == null ? List.of()
				: technicians.stream().filter(t -> skills.getOrDefault(t.id(), List.of()).contains(skill)).toList();
		List<AccountRef> candidates = skilled.isEmpty() ? technicians : skilled;
		Map<UUID, Long> load = this.orders.openLoad(communityId);
		return candidates.stream()
			.min(Comparator.comparingLong((AccountRef t) -> load.getOrDefault(t.id(), 0L))
				.thenComparing(AccountRef::username));
	}

}
