package org.linli.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.linli.identity.IdentityApi;
import org.linli.identity.domain.AccountService;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Language switch and elderly mode: remembered on the account when signed in, in a cookie always. */
@Controller
class PreferencesController {

	private final IdentityApi identity;

	private final AccountService accounts;

	private final LocaleResolver localeResolver;

	PreferencesController(IdentityApi identity, AccountService accounts, LocaleResolver localeResolver) {
		this.identity = identity;
		this.accounts = accounts;
		this.localeResolver = localeResolver;
	}

	@PostMapping("/preferences/language")
	String language(@RequestParam String lang, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = UserPreferences.supported(lang);
		Locale chosen = locale == null ? UserPreferences.CHINESE : locale;
		this.localeResolver.setLocale(request, response, chosen);
		this.identity.currentUser().ifPresent(user -> this.accounts.setLanguage(user.id(), chosen));
		return "redirect:" + backTo(request);
	}

	@PostMapping("/preferences/elderly")
	String elderly(@RequestParam boolean on, HttpServletRequest request, HttpServletResponse response) {
		UserPreferences.rememberElderly(request, response, on);
		this.identity.currentUser().ifPresent(user -> this.accounts.setElderlyMode(user.id(), on));
		return "redirect:" + backTo(request);
	}

	/** Back to the page the switch was on, never to another site. */
	static String backTo(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				java.net.URI uri = java.net.URI.create(referer);
				if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
					String path = uri.getRawPath();
					if (path != null && path.startsWith("/") && !path.startsWith("//")) {
						return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed Referer falls through to the home page
			}
		}
		return "/";
	}

}
