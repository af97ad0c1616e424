package org.linli.registry.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.PersonMerge;
import org.linli.registry.domain.PersonRecord;
import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Merging a possible duplicate found by the data-quality report: staff see both records side by side, masked for
 * their role, choose the one to keep and confirm. The merge itself (and its audit) is {@link PersonMerge}'s.
 */
@Controller
@RequestMapping("/console/communities/{cid}/merges")
class MergePagesController {

	/** One side of the comparison. */
	record Side(PersonRecord person, RegistryQueries.RoomLabel room, long vehicles) {
	}

	private final RegistryAccess access;

	private final PersonService persons;

	private final PersonMerge merges;

	private final RegistryQueries queries;

	private final CommunityService communities;

	private final org.linli.registry.domain.VehicleService vehicles;

	private final Problems problems;

	MergePagesController(RegistryAccess access, PersonService persons, PersonMerge merges, RegistryQueries queries,
			CommunityService communities, org.linli.registry.domain.VehicleService vehicles, Problems problems) {
		this.access = access;
		this.persons = persons;
		this.merges = merges;
		this.queries = queries;
		this.communities = communities;
		this.vehicles = vehicles;
		this.problems = problems;
	}

	@GetMapping
	String compare(@PathVariable UUID cid, @RequestParam UUID first, @RequestParam UUID second, Model model) {
		CurrentUser user = this.access.requireWrite(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("first", side(cid, first, user));
		model.addAttribute("second", side(cid, second, user));
		return "registry/merge";
	}

	/** Merges the record not kept into {@code keep}, one of the two compared. */
	@PostMapping
	String merge(@PathVariable UUID cid, @RequestParam UUID first, @RequestParam UUID second,
			@RequestParam(required = false) UUID keep, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireWrite(cid);
		try {
			if (keep == null || !(keep.equals(first) || keep.equals(second))) {
				throw DomainException.invalid("keep", "registry.merge.keep.required");
			}
			UUID merged = keep.equals(first) ? second : first;
			this.merges.merge(cid, keep, merged, user.getUsername());
			redirect.addFlashAttribute("merged", true);
			return "redirect:/console/communities/" + cid + "/persons/" + keep;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
			return "redirect:" + UriComponentsBuilder.fromPath("/console/communities/{cid}/merges")
				.queryParam("first", first).queryParam("second", second).buildAndExpand(cid).toUriString();
		}
	}

	private Side side(UUID cid, UUID id, CurrentUser user) {
		PersonRecord person = this.persons.find(cid, id).orElseThrow(() -> DomainException.notFound("person.notFound"));
		return new Side(PersonalDataPolicy.view(person, user, false, false),
				this.queries.roomOfHousehold(cid, person.householdId()).orElse(null),
				this.vehicles.ofPerson(cid, id).size());
	}

}
