package org.linli.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.IdentityApi;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every workbench and account page gets the signed-in user and the menu for their roles. */
@ControllerAdvice
class ConsoleModelAdvice {

	private final IdentityApi identity;

	ConsoleModelAdvice(IdentityApi identity) {
		this.identity = identity;
	}

	@ModelAttribute
	void console(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/console") && !path.startsWith("/account") && !path.startsWith("/app")) {
			return;
		}
		model.addAttribute("currentPath", path);
		this.identity.currentUser().ifPresent(user -> {
			model.addAttribute("user", user);
			model.addAttribute("staff", user.isStaff());
			model.addAttribute("navigation", Navigation.consoleFor(user));
			model.addAttribute("appNavigation", Navigation.APP);
			model.addAttribute("roleKeys", user.roles().stream().map(role -> "role." + role.name()).sorted().toList());
		});
	}

}
