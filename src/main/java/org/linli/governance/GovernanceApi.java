package org.linli.governance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.governance.domain.MediationService;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;

import org.springframework.stereotype.Service;

/** What other modules may ask of governance. */
@Service
public class GovernanceApi {

	private final VoteService votes;

	private final RollQueries roll;

	private final MediationService mediation;

	GovernanceApi(VoteService votes, RollQueries roll, MediationService mediation) {
		this.votes = votes;
		this.roll = roll;
		this.mediation = mediation;
	}

	/**
	 * The share of disputes resolved within the compound over the last year, against the 95% target (the dashboard
	 * figure of DOMAIN.md §2).
	 */
	public MediationShare mediationShare(UUID communityId) {
		return this.mediation.share(communityId);
	}

	/** The result of a closed vote. */
	public Optional<VoteResult> result(UUID voteId) {
		return this.votes.find(voteId).filter(Vote::isClosed).map(Vote::result);
	}

	/**
	 * The persons to whom the in-app notice of an opened vote goes: every owner person on its roll (co-owners
	 * included); developer entries have none and are served on paper.
	 */
	public List<UUID> noticeRecipients(UUID voteId) {
		return this.votes.find(voteId)
			.filter(vote -> vote.status() != Vote.Status.DRAFT)
			.map(vote -> this.roll.all(vote).stream().flatMap(entry -> entry.personIds().stream()).distinct().toList())
			.orElse(List.of());
	}

}
