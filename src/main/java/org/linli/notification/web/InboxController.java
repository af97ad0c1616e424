package org.linli.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.notification.domain.Inbox;
import org.linli.notification.domain.NoticeText;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page, in the workbench for staff and in the resident app for everyone: one's own notices only, newest
 * first; opening one marks it read and follows its link.
 */
@Controller
class InboxController {

	/** A notice rendered in the reader's language. */
	record Line(UUID id, String title, String body, String link, boolean unread, boolean urgent,
			java.time.Instant createdAt) {
	}

	private final IdentityApi identity;

	private final Inbox inbox;

	private final NoticeText text;

	private final Problems problems;

	private final java.time.Clock clock;

	InboxController(IdentityApi identity, Inbox inbox, NoticeText text, Problems problems,
			java.time.Clock clock) {
		this.identity = identity;
		this.inbox = inbox;
		this.text = text;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping({ "/console/notifications", "/app/notifications" })
	String list(Model model, HttpServletRequest request) {
		CurrentUser user = user();
		Locale locale = LocaleContextHolder.getLocale();
		List<Line> lines = this.inbox.list(user.id(), 100, 0).stream().map(e -> {
			return new Line(e.id(), this.text.render(e.titleKey(), e.args(), locale),
					this.text.render(e.bodyKey(), e.args(), locale),
					e.link(), e.unread(), e.urgent(), e.createdAt());
		}).toList();
		model.addAttribute("notices", lines);
		model.addAttribute("email", this.inbox.email(user.id()).orElse(""));
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("base", app(request) ? "/app/notifications" : "/console/notifications");
		return app(request) ? "notification/app-inbox" : "notification/console-inbox";
	}

	/** Marks the notice read and opens what it is about (only links inside the application are followed). */
	@PostMapping({ "/console/notifications/{id}/read", "/app/notifications/{id}/read" })
	String read(@PathVariable UUID id, HttpServletRequest request) {
		Inbox.Entry entry = this.inbox.markRead(user().id(), id);
		String link = entry.link();
		boolean local = link != null && link.startsWith("/") && !link.startsWith("//");
		return "redirect:" + (local ? link : base(request));
	}

	@PostMapping({ "/console/notifications/read-all", "/app/notifications/read-all" })
	String readAll(HttpServletRequest request) {
		this.inbox.markAllRead(user().id());
		return "redirect:" + base(request);
	}

	@PostMapping({ "/console/notifications/email", "/app/notifications/email" })
	String email(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			this.inbox.setEmail(user().id(), email);
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			RequestOutcome.rejected(request);
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:" + base(request);
	}

	private CurrentUser user() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

	private static boolean app(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/app");
	}

	private static String base(HttpServletRequest request) {
		return app(request) ? "/app/notifications" : "/console/notifications";
	}

}
