package org.linli.portal.web;

import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** What anyone may see of a compound without signing in; personal data never appears here. */
@Controller
class PublicController {

	private final RegistryApi registry;

	PublicController(RegistryApi registry) {
		this.registry = registry;
	}

	@GetMapping("/public/{code}")
	String compound(@PathVariable String code, Model model) {
		model.addAttribute("community", this.registry.summaryByCode(code)
			.orElseThrow(() -> DomainException.notFound("community.notFound", code)));
		return "portal/public";
	}

}
