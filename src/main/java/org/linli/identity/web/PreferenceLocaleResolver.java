package org.linli.identity.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.linli.shared.web.Languages;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/** Session (the account's choice), then cookie, then Accept-Language, then Chinese. */
@Component("localeResolver")
class PreferenceLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(UserPreferences.LOCALE_ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		Cookie cookie = WebUtils.getCookie(request, UserPreferences.LOCALE_COOKIE);
		Locale fromCookie = cookie == null ? null : UserPreferences.supported(cookie.getValue());
		if (fromCookie != null) {
			return fromCookie;
		}
		return Languages.fromAcceptLanguage(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale supported = UserPreferences.supported(locale == null ? null : locale.toLanguageTag());
		Locale chosen = supported == null ? UserPreferences.CHINESE : supported;
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(UserPreferences.LOCALE_ATTRIBUTE, chosen);
		}
		if (response != null) {
			response.addCookie(UserPreferences.cookie(UserPreferences.LOCALE_COOKIE, chosen.toLanguageTag(), request));
		}
	}

}
