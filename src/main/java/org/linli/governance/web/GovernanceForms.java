package org.linli.governance.web;

import java.util.UUID;

import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a form's action: success is flashed as a done message, a refusal as translated field errors. */
@Component
class GovernanceForms {

	private final Problems problems;

	private final RegistryApi registry;

	GovernanceForms(Problems problems, RegistryApi registry) {
		this.problems = problems;
		this.registry = registry;
	}

	String run(String redirect, RedirectAttributes flash, String doneKey, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", doneKey);
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:" + redirect;
	}

	CommunitySummary community(UUID communityId) {
		return this.registry.summaries(java.util.List.of(communityId))
			.stream()
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("governance.community.notFound"));
	}

}
