package org.linli.registry.api;

import java.util.Map;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonMerge;
import org.linli.registry.domain.RegistryAccess;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff merge a duplicate into the person they keep (old records without an ID number, double imports). Only
 * registry writers may, since it rewrites whose rooms and vehicles are whose.
 */
@RestController
class PersonMergeController {

	record MergeRequest(String personId) {
	}

	private final PersonMerge merges;

	private final RegistryAccess access;

	PersonMergeController(PersonMerge merges, RegistryAccess access) {
		this.merges = merges;
		this.access = access;
	}

	@PostMapping("/api/v1/communities/{cid}/persons/{keepId}/merges")
	Map<String, String> merge(@PathVariable UUID cid, @PathVariable UUID keepId, @RequestBody MergeRequest request) {
		CurrentUser user = this.access.requireWrite(cid);
		UUID mergeId = Ids.parse(request.personId());
		UUID kept = this.merges.merge(cid, keepId, mergeId, user.getUsername());
		return Map.of("keptPersonId", kept.toString(), "mergedPersonId", mergeId.toString());
	}

}
