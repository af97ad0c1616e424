package org.linli.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.governance.domain.BallotService;
import org.linli.governance.domain.MediationService;
import org.linli.governance.domain.MeetingService;
import org.linli.governance.domain.RollExpansion;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;

import org.springframework.stereotype.Service;

/**
 * What other modules may ask of governance: results and notice recipients of votes, the mediation figure for the
 * dashboard, and the few writes another system (demo data, the city platform) needs. Callers check permissions.
 */
@Service
public class GovernanceApi {

	/** One party to a dispute: a name and optionally a room. */
	public record DisputeParty(String name, String room) {
	}

	private final VoteService votes;

	private final RollQueries roll;

	private final RollExpansion expansion;

	private final BallotService ballots;

	private final MediationService mediation;

	private final MeetingService meetings;

	GovernanceApi(VoteService votes, RollQueries roll, RollExpansion expansion, BallotService ballots,
			MediationService mediation, MeetingService meetings) {
		this.votes = votes;
		this.roll = roll;
		this.expansion = expansion;
		this.ballots = ballots;
		this.mediation = mediation;
		this.meetings = meetings;
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

	public List<VoteSummary> votes(UUID communityId) {
		return this.votes.list(communityId)
			.stream()
			.map(v -> new VoteSummary(v.id(), v.communityId(), v.title(), v.matter(), v.status().name(), v.closesAt(),
					v.result()))
			.toList();
	}

	/**
	 * The persons to whom the in-app notice of an opened vote goes: every owner person on its roll (co-owners
	 * included); developer entries have none and are served on paper.
	 */
	public List<UUID> noticeRecipients(UUID voteId) {
		return this.votes.find(voteId).filter(vote -> vote.status() != Vote.Status.DRAFT).map(vote -> {
			// the notice is sent in the listener's (long) transaction: expand the roll in a transaction of its own
			// first, so ballots never wait for the notices to be written
			this.expansion.ensureCommitted(vote.communityId(), vote.id());
			return this.roll.all(vote).stream().flatMap(entry -> entry.personIds().stream()).distinct().toList();
		}).orElse(List.of());
	}

	public UUID createVote(UUID communityId, String title, Matter matter, String description, OffsetDateTime closesAt,
			String by) {
		return this.votes.create(communityId, title, matter.name(), description, closesAt, null, by);
	}

	/** Opens the vote and freezes its roll; returns the number of owners on it. */
	public int openVote(UUID voteId, String by) {
		return this.votes.open(voteId, by).totalOwners();
	}

	/** Ballots owners cast online elsewhere, by owner person; see {@link BallotService#castOnlineAll}. */
	public int castOnline(UUID voteId, Map<UUID, Choice> choices, String by) {
		return this.ballots.castOnlineAll(voteId, choices, by);
	}

	public VoteResult closeVote(UUID voteId, String by) {
		return this.votes.close(voteId, by);
	}

	/** Records a joint meeting held on the day, with its attendance by party key (PARTY, COMMITTEE, ...). */
	public UUID recordMeeting(UUID communityId, String title, LocalDate heldOn, String location, String agenda,
			String minutes, String decisions, Map<String, List<String>> attendance, String by) {
		UUID id = this.meetings.schedule(communityId, title, heldOn, location, agenda, by);
		List<MeetingService.Attendee> attendees = attendance.entrySet()
			.stream()
			.flatMap(e -> e.getValue()
				.stream()
				.map(name -> new MeetingService.Attendee(MeetingService.Party.valueOf(e.getKey()), name)))
			.toList();
		this.meetings.recordMinutes(communityId, id, minutes, decisions, attendees, 0, by);
		return id;
	}

	public UUID addActionItem(UUID communityId, UUID meetingId, String title, String ownerName, String ownerParty,
			LocalDate dueOn, String by) {
		return this.meetings.addAction(communityId, meetingId, title, ownerName, ownerParty, dueOn, by);
	}

	public UUID openDispute(UUID communityId, String title, String category, String description,
			List<DisputeParty> parties, String mediator, String by) {
		return this.mediation.open(communityId, title, category, description,
				parties.stream().map(p -> new MediationService.Party(p.name(), p.room())).toList(), mediator, by);
	}

	public void resolveDispute(UUID communityId, UUID caseId, String outcome, String satisfaction, String by) {
		this.mediation.resolve(communityId, caseId, outcome, satisfaction,
				this.mediation.get(communityId, caseId).version(), by);
	}

	public void referDispute(UUID communityId, UUID caseId, String note, String by) {
		this.mediation.refer(communityId, caseId, note, this.mediation.get(communityId, caseId).version(), by);
	}

}
