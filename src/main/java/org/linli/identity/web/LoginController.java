package org.linli.identity.web;

import org.linli.identity.IdentityApi;
import org.linli.shared.DemoMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final IdentityApi identity;

	private final DemoMode demoMode;

	LoginController(IdentityApi identity, DemoMode demoMode) {
		this.identity = identity;
		this.demoMode = demoMode;
	}

	@GetMapping("/login")
	String login(Model model) {
		if (this.identity.currentUser().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("demo", this.demoMode.enabled());
		return "identity/login";
	}

}
