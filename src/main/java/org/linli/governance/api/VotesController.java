package org.linli.governance.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.governance.VoteResult;
import org.linli.governance.domain.Attachments;
import org.linli.governance.domain.Ballot;
import org.linli.governance.domain.BallotService;
import org.linli.governance.domain.Designations;
import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.RollEntry;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Owners' votes (API.md "Governance"): create, open (roll freezes), ballots, confirm, close, result. */
@RestController
class VotesController {

	record NewVote(String title, String matter, String description, OffsetDateTime closesAt) {
	}

	record OnlineBallot(String choice) {
	}

	record PaperBallot(String voterId, String choice) {
	}

	record VoteLine(String id, String title, String matter, String status, OffsetDateTime closesAt) {
	}

	record RollLine(String voterId, List<String> roomIds, List<String> personIds, String area, String rooms,
			String owners, String kind) {
	}

	record BallotLine(String id, String voterId, String rooms, String choice, String channel, String status,
			String castBy, String confirmedBy, String proxyName, boolean attachment, OffsetDateTime createdAt) {
	}

	record DesignationLine(String id, String voterId, String fromPersonId, String toPersonId, String toName,
			String reason, String changedBy, OffsetDateTime changedAt) {
	}

	private final VoteService votes;

	private final BallotService ballots;

	private final RollQueries roll;

	private final GovernanceAccess access;

	private final Designations designations;

	VotesController(VoteService votes, BallotService ballots, RollQueries roll, GovernanceAccess access,
			Designations designations) {
		this.designations = designations;
		this.votes = votes;
		this.ballots = ballots;
		this.roll = roll;
		this.access = access;
	}

	@PostMapping("/api/v1/communities/{cid}/votes")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@PathVariable UUID cid, @RequestBody NewVote request) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		UUID id = this.votes.create(cid, request.title(), request.matter(), request.description(), request.closesAt(),
				null, user.getUsername());
		return Map.of("id", id.toString(), "status", "DRAFT");
	}

	@GetMapping("/api/v1/communities/{cid}/votes")
	List<VoteLine> list(@PathVariable UUID cid) {
		this.access.requireAny(cid, Duty.READ, Duty.OWN);
		boolean owner = !this.access.may(cid, Duty.READ);
		return this.votes.list(cid)
			.stream()
			.filter(v -> !owner || v.status() != Vote.Status.DRAFT)
			.map(v -> new VoteLine(v.id().toString(), v.title(), v.matter().name(), v.status().name(), v.closesAt()))
			.toList();
	}

	@GetMapping("/api/v1/votes/{vid}")
	Map<String, Object> show(@PathVariable UUID vid) {
		Vote vote = readable(vid);
		var progress = this.votes.progress(vote);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", vote.id().toString());
		body.put("communityId", vote.communityId().toString());
		body.put("title", vote.title());
		body.put("matter", vote.matter().name());
		body.put("status", vote.status().name());
		body.put("closesAt", vote.closesAt());
		body.put("nonVoters", vote.nonVoters().name());
		body.put("totalArea", area(progress.totalArea()));
		body.put("totalOwners", progress.totalOwners());
		body.put("votedArea", area(progress.votedArea()));
		body.put("votedOwners", progress.votedOwners());
		body.put("areaQuorumReached", progress.areaQuorum());
		body.put("ownersQuorumReached", progress.ownersQuorum());
		return body;
	}

	@PostMapping("/api/v1/votes/{vid}/open")
	Map<String, Object> open(@PathVariable UUID vid) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.RUN_VOTES);
		Vote opened = this.votes.open(vid, user.getUsername());
		return Map.of("id", vid.toString(), "status", opened.status().name(), "totalArea", area(opened.totalArea()),
				"totalOwners", opened.totalOwners());
	}

	/** The whole roll: full for committee and staff; owners see it without person ids (masked). */
	@GetMapping("/api/v1/votes/{vid}/roll")
	List<RollLine> roll(@PathVariable UUID vid) {
		Vote vote = this.votes.get(vid);
		this.access.requireAny(vote.communityId(), Duty.READ, Duty.OWN);
		boolean full = this.access.may(vote.communityId(), Duty.READ);
		if (vote.status() == Vote.Status.DRAFT) {
			throw DomainException.conflict("governance.vote.notOpen");
		}
		return this.roll.all(vote).stream().map(e -> line(e, full)).toList();
	}

	/**
	 * Changes the designated voter of a co-owned entry to another of its co-owners, on the co-owners' written
	 * designation (multipart part {@code designation}) with a reason; committee and property staff, while the vote is
	 * open and before the entry has a counted or pending ballot (409 otherwise).
	 */
	@PostMapping("/api/v1/votes/{vid}/roll/{voterId}/designee")
	DesignationLine designate(@PathVariable UUID vid, @PathVariable UUID voterId,
			@RequestParam(required = false) String personId, @RequestParam(required = false) String reason,
			@RequestPart(name = "designation", required = false) MultipartFile file) throws IOException {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		return line(this.designations.change(vid, voterId, personId, reason, file == null ? null : upload(file),
				user.getUsername()));
	}

	/** The changes of an entry's designated voter, earliest first (committee and staff). */
	@GetMapping("/api/v1/votes/{vid}/roll/{voterId}/designations")
	List<DesignationLine> designations(@PathVariable UUID vid, @PathVariable UUID voterId) {
		Vote vote = this.votes.get(vid);
		this.access.require(vote.communityId(), Duty.READ);
		return this.designations.history(vote, voterId).stream().map(VotesController::line).toList();
	}

	@PostMapping("/api/v1/votes/{vid}/ballots")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> castOnline(@PathVariable UUID vid, @RequestBody OnlineBallot request) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.OWN);
		return Map.of("id", this.ballots.castOnline(vid, user, request.choice()).toString());
	}

	/** The caller's own ballot (owners); nobody reads another owner's ballot here. */
	@GetMapping("/api/v1/votes/{vid}/ballots/mine")
	BallotLine mine(@PathVariable UUID vid) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.OWN);
		return this.roll.ofPerson(vote, user.personId())
			.flatMap(entry -> this.ballots.ofVoter(vote, entry.voterId()))
			.map(VotesController::line)
			.orElseThrow(() -> DomainException.notFound("governance.ballot.notFound"));
	}

	@GetMapping("/api/v1/votes/{vid}/ballots")
	List<BallotLine> ballots(@PathVariable UUID vid, @RequestParam(required = false) String status) {
		Vote vote = this.votes.get(vid);
		this.access.require(vote.communityId(), Duty.READ);
		Ballot.Status wanted = status == null ? null : parseStatus(status);
		return this.ballots.list(vote, wanted).stream().map(VotesController::line).toList();
	}

	@PostMapping("/api/v1/votes/{vid}/paper-ballots")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> paper(@PathVariable UUID vid, @RequestBody PaperBallot request) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		return Map.of("id",
				this.ballots.enterPaper(vid, request.voterId(), request.choice(), null, user.getUsername()).toString());
	}

	@PostMapping("/api/v1/votes/{vid}/paper-ballots/{id}/scan")
	Map<String, String> scan(@PathVariable UUID vid, @PathVariable UUID id, @RequestPart("file") MultipartFile file)
			throws IOException {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		this.ballots.attachScan(vid, id, upload(file), user.getUsername());
		return Map.of("id", id.toString());
	}

	@PostMapping("/api/v1/votes/{vid}/paper-ballots/{id}/confirm")
	Map<String, String> confirm(@PathVariable UUID vid, @PathVariable UUID id) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		this.ballots.confirm(vid, id, user.getUsername());
		return Map.of("id", id.toString(), "status", "COUNTED");
	}

	@PostMapping("/api/v1/votes/{vid}/paper-ballots/{id}/refuse")
	Map<String, String> refuse(@PathVariable UUID vid, @PathVariable UUID id) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		this.ballots.refuse(vid, id, user.getUsername());
		return Map.of("id", id.toString(), "status", "REFUSED");
	}

	@PostMapping("/api/v1/votes/{vid}/proxy-ballots")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> proxy(@PathVariable UUID vid, @RequestParam String voterId, @RequestParam String choice,
			@RequestParam String proxyName, @RequestPart(name = "authorisation", required = false) MultipartFile file)
			throws IOException {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.ENTER_BALLOTS);
		return Map.of("id", this.ballots
			.enterProxy(vid, voterId, choice, proxyName, file == null ? null : upload(file), user.getUsername())
			.toString());
	}

	@PostMapping("/api/v1/votes/{vid}/close")
	Map<String, Object> close(@PathVariable UUID vid) {
		Vote vote = this.votes.get(vid);
		CurrentUser user = this.access.require(vote.communityId(), Duty.RUN_VOTES);
		return result(this.votes.close(vid, user.getUsername()));
	}

	@GetMapping("/api/v1/votes/{vid}/result")
	Map<String, Object> result(@PathVariable UUID vid) {
		Vote vote = readable(vid);
		if (!vote.isClosed()) {
			throw DomainException.conflict("governance.vote.notClosed");
		}
		return result(vote.result());
	}

	private Vote readable(UUID vid) {
		Vote vote = this.votes.get(vid);
		this.access.requireAny(vote.communityId(), Duty.READ, Duty.OWN);
		if (vote.status() == Vote.Status.DRAFT && !this.access.may(vote.communityId(), Duty.READ)) {
			throw DomainException.notFound("governance.vote.notFound");
		}
		return vote;
	}

	static Map<String, Object> result(VoteResult r) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("totalArea", area(r.totalArea()));
		body.put("totalOwners", r.totalOwners());
		body.put("participatingArea", area(r.participatingArea()));
		body.put("participatingOwners", r.participatingOwners());
		body.put("approveArea", area(r.approveArea()));
		body.put("approveOwners", r.approveOwners());
		body.put("rejectArea", area(r.rejectArea()));
		body.put("rejectOwners", r.rejectOwners());
		body.put("abstainArea", area(r.abstainArea()));
		body.put("abstainOwners", r.abstainOwners());
		body.put("matter", r.matter().name());
		body.put("nonVoters", r.nonVoters().name());
		body.put("quorumMet", r.quorumMet());
		body.put("adopted", r.adopted());
		return body;
	}

	private static RollLine line(RollEntry e, boolean full) {
		return new RollLine(e.voterId().toString(), e.roomIds().stream().map(UUID::toString).toList(),
				full ? e.personIds().stream().map(UUID::toString).toList() : List.of(), area(e.area()), e.roomsLabel(),
				full ? e.ownerNames() : org.linli.governance.domain.MaskedNames.of(e.ownerNames()), e.kind().name());
	}

	private static DesignationLine line(Designations.Designation d) {
		return new DesignationLine(d.id().toString(), d.voterId().toString(),
				d.fromPersonId() == null ? null : d.fromPersonId().toString(), d.toPersonId().toString(), d.toName(),
				d.reason(), d.changedBy(), d.changedAt());
	}

	private static BallotLine line(Ballot b) {
		return new BallotLine(b.id().toString(), b.voterId().toString(), b.roomsLabel(), b.choice().name(),
				b.channel().name(), b.status().name(), b.castBy(), b.confirmedBy(), b.proxyName(),
				b.attachmentId() != null, b.createdAt());
	}

	private static Ballot.Status parseStatus(String status) {
		try {
			return Ballot.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("status", "governance.ballot.status.invalid");
		}
	}

	static Attachments.Upload upload(MultipartFile file) throws IOException {
		return new Attachments.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
	}

	static String area(BigDecimal area) {
		return area == null ? null : area.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

}
