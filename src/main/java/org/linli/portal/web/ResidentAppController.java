package org.linli.portal.web;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The resident H5 (mobile-first): home, household and settings (language, elderly mode). */
@Controller
@RequestMapping("/app")
class ResidentAppController {

	private final IdentityApi identity;

	private final RegistryApi registry;

	ResidentAppController(IdentityApi identity, RegistryApi registry) {
		this.identity = identity;
		this.registry = registry;
	}

	@GetMapping
	String home() {
		return "portal/app-home";
	}

	@GetMapping("/household")
	String household(Model model) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		model.addAttribute("household",
				user.personId() == null ? null : this.registry.householdOf(user.personId()).orElse(null));
		return "portal/app-household";
	}

	@GetMapping("/settings")
	String settings() {
		return "portal/app-settings";
	}

}
