package org.linli.governance.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.ProposalService;
import org.linli.governance.domain.ProposalService.Proposal;
import org.linli.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Proposals: owners or the committee draft them, the committee reviews them and puts them to a vote. */
@RestController
class ProposalsController {

	record NewProposal(String title, String matter, String body) {
	}

	record Review(Boolean approve, String note) {
	}

	record ToVote(OffsetDateTime closesAt) {
	}

	record ProposalLine(String id, String title, String matter, String status, String drafterKind, String reviewNote,
			String voteId) {
	}

	private final ProposalService proposals;

	private final GovernanceAccess access;

	ProposalsController(ProposalService proposals, GovernanceAccess access) {
		this.proposals = proposals;
		this.access = access;
	}

	@PostMapping("/api/v1/communities/{cid}/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> submit(@PathVariable UUID cid, @RequestBody NewProposal request) {
		CurrentUser user = this.access.requireAny(cid, Duty.RUN_VOTES, Duty.OWN);
		boolean committee = user.hasAnyRole(Duty.RUN_VOTES.roles());
		UUID id = this.proposals.submit(cid, request.title(), request.matter(), request.body(), committee,
				user.getUsername());
		return Map.of("id", id.toString(), "status", "SUBMITTED");
	}

	@GetMapping("/api/v1/communities/{cid}/proposals")
	List<ProposalLine> list(@PathVariable UUID cid) {
		this.access.requireAny(cid, Duty.READ, Duty.OWN);
		return this.proposals.list(cid).stream().map(ProposalsController::line).toList();
	}

	@PostMapping("/api/v1/proposals/{id}/review")
	ProposalLine review(@PathVariable UUID id, @RequestBody Review request) {
		Proposal proposal = this.proposals.get(id);
		CurrentUser user = this.access.require(proposal.communityId(), Duty.RUN_VOTES);
		this.proposals.review(id, Boolean.TRUE.equals(request.approve()), request.note(), user.getUsername());
		return line(this.proposals.get(id));
	}

	@PostMapping("/api/v1/proposals/{id}/vote")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> putToVote(@PathVariable UUID id, @RequestBody ToVote request) {
		Proposal proposal = this.proposals.get(id);
		CurrentUser user = this.access.require(proposal.communityId(), Duty.RUN_VOTES);
		UUID vote = this.proposals.putToVote(id, request.closesAt(), user.getUsername());
		return Map.of("id", vote.toString(), "status", "DRAFT");
	}

	private static ProposalLine line(Proposal p) {
		return new ProposalLine(p.id().toString(), p.title(), p.matter().name(), p.status().name(), p.drafterKind(),
				p.reviewNote(), p.voteId() == null ? null : p.voteId().toString());
	}

}
