package org.linli.registry.api;

import java.util.List;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.registry.CommunitySummary;
import org.linli.registry.domain.CommunityService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunitiesController {

	record NewCommunity(String code, String name, String address) {
	}

	private final CommunityService communities;

	private final IdentityApi identity;

	CommunitiesController(CommunityService communities, IdentityApi identity) {
		this.communities = communities;
		this.identity = identity;
	}

	/** The caller's communities with their counts. */
	@GetMapping("/api/v1/communities")
	List<CommunitySummary> list() {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		return this.communities.summaries(user.servesAllCommunities() ? null : user.communityIds());
	}

	@PostMapping("/api/v1/communities")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	CommunitySummary create(@RequestBody NewCommunity request) {
		var id = this.communities.create(request.code(), request.name(), request.address());
		return this.communities.summaries(List.of(id)).getFirst();
	}

}
