package org.linli.concierge.web;

import java.util.List;
import java.util.Set;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The menu's way into the station: staff serving one community go straight to its page, others pick the community.
 */
@Controller
class ConsoleEntryController {

	private static final Set<String> SECTIONS = Set.of("parcels", "bookings", "meals", "catalogue", "settings");

	private final IdentityApi identity;

	private final RegistryApi registry;

	ConsoleEntryController(IdentityApi identity, RegistryApi registry) {
		this.identity = identity;
		this.registry = registry;
	}

	@GetMapping("/console/concierge/{section}")
	String enter(@PathVariable String section, Model model) {
		if (!SECTIONS.contains(section)) {
			throw DomainException.notFound("concierge.section.unknown");
		}
		CurrentUser user = this.identity.currentUser().orElseThrow();
		List<CommunitySummary> communities = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		if (communities.size() == 1) {
			return "redirect:/console/communities/" + communities.getFirst().id() + "/concierge/" + section;
		}
		model.addAttribute("communities", communities);
		model.addAttribute("section", section);
		return "concierge/choose";
	}

}
