package org.linli.governance.web;

import java.util.List;

import org.linli.governance.domain.GovernanceAccess;
import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The governance menu items lead here: with one community the page of that community opens at once, with several
 * the user picks one.
 */
@Controller
class GovernanceHomeController {

	private final GovernanceAccess access;

	private final RegistryApi registry;

	GovernanceHomeController(GovernanceAccess access, RegistryApi registry) {
		this.access = access;
		this.registry = registry;
	}

	@GetMapping("/console/governance/{section:votes|meetings|mediation}")
	String choose(@PathVariable String section, Model model) {
		CurrentUser user = this.access.current();
		List<CommunitySummary> communities = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		if (communities.size() == 1) {
			return "redirect:/console/communities/" + communities.getFirst().id() + "/" + section;
		}
		model.addAttribute("communities", communities);
		model.addAttribute("section", section);
		return "governance/choose";
	}

}
