package org.linli.portal.web;

import java.util.List;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff workbench: the home page and the communities the account serves. */
@Controller
@RequestMapping("/console")
class ConsoleController {

	private final IdentityApi identity;

	private final RegistryApi registry;

	ConsoleController(IdentityApi identity, RegistryApi registry) {
		this.identity = identity;
		this.registry = registry;
	}

	@GetMapping
	String home(Model model) {
		model.addAttribute("communities", communitiesOf(this.identity.currentUser().orElseThrow()));
		return "portal/console";
	}

	@GetMapping("/communities")
	String communities(Model model) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		if (user.hasAnyRole(List.of(Role.AUDITOR, Role.SECURITY_ADMIN))) {
			throw new org.springframework.security.access.AccessDeniedException("not for this role");
		}
		model.addAttribute("communities", communitiesOf(user));
		return "portal/communities";
	}

	private List<CommunitySummary> communitiesOf(CurrentUser user) {
		return user.servesAllCommunities() ? this.registry.allSummaries() : this.registry.summaries(user.communityIds());
	}

}
