package org.linli.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;

/** Linli speaks simplified Chinese (the default) and English; anything else is answered in Chinese. */
public final class Languages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private Languages() {
	}

	/** The supported locale a tag or language names, or null. */
	public static Locale supported(String tagOrLanguage) {
		if (!StringUtils.hasText(tagOrLanguage)) {
			return null;
		}
		String value = tagOrLanguage.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("en")) {
			return Locale.ENGLISH;
		}
		if (value.startsWith("zh")) {
			return CHINESE;
		}
		return null;
	}

	/** The first supported language of the Accept-Language header, else Chinese. */
	public static Locale fromAcceptLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
					Locale supported = supported(range.getRange());
					if (supported != null) {
						return supported;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				return CHINESE;
			}
		}
		return CHINESE;
	}

}
