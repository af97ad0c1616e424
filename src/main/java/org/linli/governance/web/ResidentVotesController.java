package org.linli.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.governance.Matter;
import org.linli.governance.domain.BallotService;
import org.linli.governance.domain.Designations;
import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.MaskedNames;
import org.linli.governance.domain.ProposalService;
import org.linli.governance.domain.RollEntry;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owners' side in the resident app: votes of their compound, their own roll entry and ballot (big buttons, few
 * steps, elderly mode), the roll masked, results, and proposals of their own.
 */
@Controller
@RequestMapping("/app")
class ResidentVotesController {

	private static final int ROLL_PAGE = 50;

	/** One roll line as owners see it: rooms, masked names, area. */
	record MaskedEntry(int position, String rooms, String owners, java.math.BigDecimal area, boolean developer) {
	}

	private final VoteService votes;

	private final BallotService ballots;

	private final RollQueries roll;

	private final ProposalService proposals;

	private final GovernanceAccess access;

	private final GovernanceForms forms;

	private final Designations designations;

	ResidentVotesController(VoteService votes, BallotService ballots, RollQueries roll, ProposalService proposals,
			GovernanceAccess access, GovernanceForms forms, Designations designations) {
		this.designations = designations;
		this.votes = votes;
		this.ballots = ballots;
		this.roll = roll;
		this.proposals = proposals;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/votes")
	String list(Model model) {
		CurrentUser user = this.access.current();
		List<Vote> visible = new ArrayList<>();
		for (UUID cid : user.communityIds()) {
			this.votes.list(cid).stream().filter(v -> v.status() != Vote.Status.DRAFT).forEach(visible::add);
		}
		model.addAttribute("votes", visible);
		model.addAttribute("matters", Matter.values());
		model.addAttribute("communityIds", List.copyOf(user.communityIds()));
		return "governance/app-votes";
	}

	@GetMapping("/votes/{vid}")
	String vote(@PathVariable UUID vid, Model model) {
		CurrentUser user = this.access.current();
		Vote vote = visible(vid, user);
		Optional<RollEntry> mine = this.roll.ofPerson(vote, user.personId());
		model.addAttribute("vote", vote);
		model.addAttribute("entry", mine.orElse(null));
		model.addAttribute("designated", mine.map(e -> user.personId().equals(e.designated())).orElse(false));
		model.addAttribute("ballot", mine.flatMap(e -> this.ballots.ofVoter(vote, e.voterId())).orElse(null));
		// the entry's own co-owners see who votes for it, and whether the co-owners designated someone else in writing
		model.addAttribute("designee", mine.filter(e -> e.designated() != null)
			.flatMap(e -> this.designations.coOwners(vote, e).stream().filter(Designations.CoOwner::designated).findFirst())
			.map(Designations.CoOwner::name)
			.orElse(null));
		model.addAttribute("designation",
				mine.flatMap(e -> this.designations.latest(vote, e.voterId())).orElse(null));
		model.addAttribute("progress", this.votes.progress(vote));
		return "governance/app-vote";
	}

	@PostMapping("/votes/{vid}/ballot")
	String cast(@PathVariable UUID vid, @RequestParam(required = false) String choice, RedirectAttributes flash) {
		CurrentUser user = this.access.current();
		Vote vote = visible(vid, user);
		this.access.require(vote.communityId(), Duty.OWN);
		return this.forms.run("/app/votes/" + vid, flash, "governance.ballot.cast",
				() -> this.ballots.castOnline(vid, user, choice));
	}

	@GetMapping("/votes/{vid}/roll")
	String roll(@PathVariable UUID vid, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = this.access.current();
		Vote vote = visible(vid, user);
		int safePage = Math.max(0, page);
		long total = this.roll.count(vote, null);
		model.addAttribute("vote", vote);
		model.addAttribute("entries", this.roll.page(vote, null, safePage, ROLL_PAGE)
			.stream()
			.map(e -> new MaskedEntry(e.position(), e.roomsLabel(), MaskedNames.of(e.ownerNames()), e.area(),
					e.kind() == RollEntry.Kind.DEVELOPER))
			.toList());
		model.addAttribute("page", safePage);
		model.addAttribute("pages", Math.max(1, (total + ROLL_PAGE - 1) / ROLL_PAGE));
		return "governance/app-roll";
	}

	@PostMapping("/proposals")
	String propose(@RequestParam UUID communityId, @RequestParam String title, @RequestParam String matter,
			@RequestParam String body, RedirectAttributes flash) {
		CurrentUser user = this.access.require(communityId, Duty.OWN);
		return this.forms.run("/app/votes", flash, "governance.proposal.submitted",
				() -> this.proposals.submit(communityId, title, matter, body, false, user.getUsername()));
	}

	/** A vote of one of the account's communities that has been opened; drafts and other compounds are not there. */
	private Vote visible(UUID vid, CurrentUser user) {
		Vote vote = this.votes.get(vid);
		this.access.requireAny(vote.communityId(), Duty.OWN, Duty.READ);
		if (vote.status() == Vote.Status.DRAFT) {
			throw DomainException.notFound("governance.vote.notFound");
		}
		return vote;
	}

}
