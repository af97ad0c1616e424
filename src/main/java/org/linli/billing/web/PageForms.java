package org.linli.billing.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a page form's action: done -> a flash "saved" message; refused -> translated field errors, recorded as such. */
@Component
class PageForms {

	private final Problems problems;

	PageForms(Problems problems) {
		this.problems = problems;
	}

	String run(RedirectAttributes redirect, HttpServletRequest request, String target, String doneKey,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", doneKey);
		}
		catch (DomainException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			Locale locale = LocaleContextHolder.getLocale();
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, locale));
			RequestOutcome.rejected(request);
		}
		return "redirect:" + target;
	}

}
