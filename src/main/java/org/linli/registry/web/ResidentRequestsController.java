package org.linli.registry.web;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.registry.domain.ChangeRequests;
import org.linli.registry.domain.PersonService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.RequestOutcome;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident's requests about their own household; the household is always the one the account lives in. */
@Controller
@RequestMapping("/app/household/requests")
class ResidentRequestsController {

	private final IdentityApi identity;

	private final PersonService persons;

	private final ChangeRequests requests;

	private final org.linli.shared.web.Problems problems;

	ResidentRequestsController(IdentityApi identity, PersonService persons, ChangeRequests requests,
			org.linli.shared.web.Problems problems) {
		this.identity = identity;
		this.persons = persons;
		this.requests = requests;
		this.problems = problems;
	}

	@PostMapping("/member")
	String addMember(@RequestParam String name, @RequestParam String idNumber, @RequestParam String relation,
			RedirectAttributes redirect, HttpServletRequest request) {
		return submit(redirect, request, "requested", (community, person) -> this.requests.askToAddMember(community,
				person, name, idNumber, relation));
	}

	@PostMapping("/ownership")
	String changeOwnership(@RequestParam String description, RedirectAttributes redirect, HttpServletRequest request) {
		return submit(redirect, request, "requested",
				(community, person) -> this.requests.askToChangeOwnership(community, person, description));
	}

	/** Residents keep their own mobile number up to date themselves; no approval needed. */
	@PostMapping("/phone")
	String phone(@RequestParam(defaultValue = "") String phone, RedirectAttributes redirect,
			HttpServletRequest request) {
		return submit(redirect, request, "phoneSaved",
				(community, person) -> this.persons.updatePhone(community, person, phone));
	}

	private String submit(RedirectAttributes redirect, HttpServletRequest request, String done,
			java.util.function.BiConsumer<java.util.UUID, java.util.UUID> action) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		var person = user.personId() == null ? null
				: user.communityIds().stream().flatMap(c -> this.persons.find(c, user.personId()).stream()).findFirst()
					.orElse(null);
		if (person == null || person.householdId() == null) {
			throw DomainException.notFound("app.household.none");
		}
		try {
			action.accept(person.communityId(), person.id());
			redirect.addFlashAttribute(done, true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("requestErrors",
					this.problems.fieldErrors(ex, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/app/household";
	}

}
