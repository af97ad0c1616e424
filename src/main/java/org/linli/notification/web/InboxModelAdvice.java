package org.linli.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.IdentityApi;
import org.linli.notification.domain.Inbox;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count in the header of every workbench and resident page. */
@ControllerAdvice
class InboxModelAdvice {

	private final IdentityApi identity;

	private final Inbox inbox;

	InboxModelAdvice(IdentityApi identity, Inbox inbox) {
		this.identity = identity;
		this.inbox = inbox;
	}

	@ModelAttribute
	void unread(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/console") && !path.startsWith("/app") && !path.startsWith("/account")) {
			return;
		}
		this.identity.currentUser()
			.ifPresent(user -> model.addAttribute("unreadNotifications", this.inbox.unreadCount(user.id())));
	}

}
