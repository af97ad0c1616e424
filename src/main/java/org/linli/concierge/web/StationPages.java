package org.linli.concierge.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every station page shares: the community heading and post-redirect-get with translated field errors. */
@Component
class StationPages {

	private final RegistryApi registry;

	private final Problems problems;

	StationPages(RegistryApi registry, Problems problems) {
		this.registry = registry;
		this.problems = problems;
	}

	void community(UUID communityId, String section, Model model) {
		CommunitySummary community = this.registry.summaries(List.of(communityId)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("concierge.community.unknown"));
		model.addAttribute("community", community);
		model.addAttribute("section", section);
	}

	/**
	 * Runs a page action: on success flashes {@code done}; on a refusal flashes the translated field errors and the
	 * submitted values, and tells the audit trail the action was rejected.
	 */
	String submit(String redirect, RedirectAttributes flash, HttpServletRequest request, Map<String, ?> form,
			Runnable action, String done) {
		try {
			action.run();
			flash.addFlashAttribute(done, true);
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			flash.addFlashAttribute("form", form);
			RequestOutcome.rejected(request);
		}
		return "redirect:" + redirect;
	}

	Map<String, String> errors(DomainException ex) {
		return this.problems.fieldErrors(ex, LocaleContextHolder.getLocale());
	}

}
