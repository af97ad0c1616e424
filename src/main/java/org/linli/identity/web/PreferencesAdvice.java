package org.linli.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows whether the elderly mode is on (templates add the {@code elderly} class to the body). */
@ControllerAdvice
class PreferencesAdvice {

	@ModelAttribute("elderly")
	boolean elderly(HttpServletRequest request) {
		return UserPreferences.elderly(request);
	}

}
