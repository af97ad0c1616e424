package org.linli.registry.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.RegionService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions above compounds (province to community), kept by the platform administrator. */
@RestController
class RegionsController {

	record NewRegion(String parentId, String level, String code, String name) {
	}

	record Placement(String regionId) {
	}

	private final RegionService regions;

	private final CommunityService communities;

	RegionsController(RegionService regions, CommunityService communities) {
		this.regions = regions;
		this.communities = communities;
	}

	@GetMapping("/api/v1/regions")
	List<RegionService.Region> all() {
		return this.regions.all();
	}

	@PostMapping("/api/v1/regions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	RegionService.Region create(@RequestBody NewRegion request) {
		return this.regions.create(request.parentId() == null ? null : Ids.parse(request.parentId()), request.level(),
				request.code(), request.name());
	}

	@PutMapping("/api/v1/communities/{cid}/region")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, String> place(@PathVariable UUID cid, @RequestBody Placement request) {
		this.communities.summary(cid);
		this.regions.place(cid, request.regionId() == null ? null : Ids.parse(request.regionId()));
		return Map.of("communityId", cid.toString(), "regionId", request.regionId());
	}

}
