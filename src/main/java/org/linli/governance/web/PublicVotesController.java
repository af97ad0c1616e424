package org.linli.governance.web;

import java.util.UUID;

import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Results of closed votes, public (公示): the figures needed to recompute them, no personal data. */
@Controller
class PublicVotesController {

	private final RegistryApi registry;

	private final VoteService votes;

	PublicVotesController(RegistryApi registry, VoteService votes) {
		this.registry = registry;
		this.votes = votes;
	}

	@GetMapping("/public/{code}/votes")
	String results(@PathVariable String code, Model model) {
		CommunitySummary community = community(code);
		model.addAttribute("community", community);
		model.addAttribute("votes", this.votes.closed(community.id()));
		return "governance/public-votes";
	}

	@GetMapping("/public/{code}/votes/{vid}")
	String result(@PathVariable String code, @PathVariable UUID vid, Model model) {
		CommunitySummary community = community(code);
		Vote vote = this.votes.find(vid)
			.filter(v -> v.communityId().equals(community.id()) && v.isClosed())
			.orElseThrow(() -> DomainException.notFound("governance.vote.notFound"));
		model.addAttribute("community", community);
		model.addAttribute("vote", vote);
		return "governance/public-vote";
	}

	private CommunitySummary community(String code) {
		return this.registry.summaryByCode(code).orElseThrow(() -> DomainException.notFound("community.notFound", code));
	}

}
