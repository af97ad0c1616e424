package org.linli.identity.api;

import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

	record Me(String username, String displayName, List<String> roles, List<String> communityIds) {
	}

	private final IdentityApi identity;

	MeController(IdentityApi identity) {
		this.identity = identity;
	}

	@GetMapping("/api/v1/me")
	Me me() {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		return new Me(user.getUsername(), user.displayName(),
				user.roles().stream().map(Role::name).sorted().toList(),
				user.communityIds().stream().map(UUID::toString).sorted().toList());
	}

}
