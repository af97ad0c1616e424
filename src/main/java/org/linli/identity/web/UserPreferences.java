package org.linli.identity.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.linli.shared.web.Languages;

import org.springframework.util.StringUtils;
import org.springframework.web.util.WebUtils;

/**
 * Language and elderly mode: stored on the account for signed-in users, copied into the session at sign-in, and kept
 * in a cookie so the sign-in page and public pages remember them too.
 */
public final class UserPreferences {

	public static final Locale CHINESE = Languages.CHINESE;

	static final String LOCALE_ATTRIBUTE = "linli.locale";

	static final String ELDERLY_ATTRIBUTE = "linli.elderly";

	static final String LOCALE_COOKIE = "linli_lang";

	static final String ELDERLY_COOKIE = "linli_elderly";

	private UserPreferences() {
	}

	/** The two languages Linli speaks; anything else becomes null. */
	public static Locale supported(String tagOrLanguage) {
		return Languages.supported(tagOrLanguage);
	}

	public static void load(HttpSession session, String language, boolean elderly) {
		Locale locale = supported(language);
		if (locale != null) {
			session.setAttribute(LOCALE_ATTRIBUTE, locale);
		}
		session.setAttribute(ELDERLY_ATTRIBUTE, elderly);
	}

	static boolean elderly(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ELDERLY_ATTRIBUTE) instanceof Boolean on) {
			return on;
		}
		Cookie cookie = WebUtils.getCookie(request, ELDERLY_COOKIE);
		return cookie != null && "1".equals(cookie.getValue());
	}

	static void rememberElderly(HttpServletRequest request, HttpServletResponse response, boolean on) {
		request.getSession().setAttribute(ELDERLY_ATTRIBUTE, on);
		response.addCookie(cookie(ELDERLY_COOKIE, on ? "1" : "0", request));
	}

	static Cookie cookie(String name, String value, HttpServletRequest request) {
		Cookie cookie = new Cookie(name, value);
		cookie.setPath(StringUtils.hasText(request.getContextPath()) ? request.getContextPath() : "/");
		cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}

}
