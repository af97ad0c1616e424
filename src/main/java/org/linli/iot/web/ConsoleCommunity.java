package org.linli.iot.web;

import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Component;

/** The community a security page works on: the one chosen, or the first the account serves. */
@Component
class ConsoleCommunity {

	private final RegistryApi registry;

	ConsoleCommunity(RegistryApi registry) {
		this.registry = registry;
	}

	UUID of(CurrentUser user, UUID chosen) {
		if (chosen != null) {
			return chosen;
		}
		List<CommunitySummary> mine = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		return mine.stream().findFirst().map(CommunitySummary::id)
			.orElseThrow(() -> DomainException.notFound("iot.community.notFound"));
	}

}
