package org.linli.registry.web;

import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.ChangeRequests;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.RegistryAccess;
import org.linli.shared.person.Masking;
import org.linli.shared.web.DomainException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff decide residents' household requests; ID numbers are shown masked (check the card itself). */
@Controller
@RequestMapping("/console/communities/{cid}/requests")
class RequestsPageController {

	private final RegistryAccess access;

	private final ChangeRequests requests;

	private final CommunityService communities;

	private final org.linli.shared.web.Problems problems;

	RequestsPageController(RegistryAccess access, ChangeRequests requests, CommunityService communities,
			org.linli.shared.web.Problems problems) {
		this.access = access;
		this.requests = requests;
		this.communities = communities;
		this.problems = problems;
	}

	@GetMapping
	String pending(@PathVariable UUID cid, Model model) {
		this.access.requireWrite(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("requests", this.requests.pending(cid).stream().map(r -> {
			var payload = new java.util.HashMap<>(r.payload());
			payload.computeIfPresent("idNumber", (k, v) -> Masking.idNumber(v));
			return new ChangeRequests.Request(r.id(), r.householdId(), r.room(), r.requestedBy(), r.kind(), payload,
					r.status(), r.reason(), r.createdAt());
		}).toList());
		return "registry/requests";
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable UUID cid, @PathVariable UUID id, RedirectAttributes redirect) {
		CurrentUser user = this.access.requireWrite(cid);
		return decide(cid, redirect, () -> this.requests.approve(cid, id, user.getUsername()));
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		CurrentUser user = this.access.requireWrite(cid);
		return decide(cid, redirect, () -> this.requests.reject(cid, id, user.getUsername(), reason));
	}

	private String decide(UUID cid, RedirectAttributes redirect, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("decided", true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:/console/communities/" + cid + "/requests";
	}

}
