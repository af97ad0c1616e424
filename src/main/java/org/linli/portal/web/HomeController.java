package org.linli.portal.web;

import org.linli.identity.IdentityApi;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root sends staff to the workbench, residents to the resident app and everyone else to sign in. */
@Controller
class HomeController {

	private final IdentityApi identity;

	HomeController(IdentityApi identity) {
		this.identity = identity;
	}

	@GetMapping("/")
	String home() {
		return this.identity.currentUser()
			.map(user -> user.isStaff() ? "redirect:/console" : "redirect:/app")
			.orElse("redirect:/login");
	}

}
