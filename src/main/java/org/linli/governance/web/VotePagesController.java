package org.linli.governance.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.linli.governance.Matter;
import org.linli.governance.domain.Attachments;
import org.linli.governance.domain.Ballot;
import org.linli.governance.domain.BallotService;
import org.linli.governance.domain.Designations;
import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceSettings;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.NoticeService;
import org.linli.governance.domain.ProposalService;
import org.linli.governance.domain.RollEntry;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.RuleDocuments;
import org.linli.governance.domain.Vote;
import org.linli.governance.domain.VoteService;
import org.linli.identity.CurrentUser;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.QrCodes;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Workbench pages of owners' votes: list and proposals, a vote with its ballots, the roll, printable notices. */
@Controller
@RequestMapping("/console/communities/{cid}")
class VotePagesController {

	private static final int ROLL_PAGE = 100;

	private final VoteService votes;

	private final BallotService ballots;

	private final RollQueries roll;

	private final NoticeService notices;

	private final ProposalService proposals;

	private final RuleDocuments rules;

	private final Attachments attachments;

	private final GovernanceAccess access;

	private final GovernanceForms forms;

	private final java.time.Clock clock;

	private final GovernanceSettings settings;

	private final Designations designations;

	VotePagesController(VoteService votes, BallotService ballots, RollQueries roll, NoticeService notices,
			ProposalService proposals, RuleDocuments rules, Attachments attachments, GovernanceAccess access,
			GovernanceForms forms, java.time.Clock clock, GovernanceSettings settings, Designations designations) {
		this.designations = designations;
		this.settings = settings;
		this.votes = votes;
		this.ballots = ballots;
		this.roll = roll;
		this.notices = notices;
		this.proposals = proposals;
		this.rules = rules;
		this.attachments = attachments;
		this.access = access;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/votes")
	String votes(@PathVariable UUID cid, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("votes", this.votes.list(cid));
		model.addAttribute("proposals", this.proposals.list(cid));
		model.addAttribute("matters", Matter.values());
		model.addAttribute("mayRun", this.access.may(cid, Duty.RUN_VOTES));
		model.addAttribute("defaultCloses", LocalDateTime.now(this.clock).plusDays(14).withHour(18).withMinute(0)
			.withSecond(0).withNano(0));
		return "governance/votes";
	}

	@PostMapping("/votes")
	String create(@PathVariable UUID cid, @RequestParam String title, @RequestParam String matter,
			@RequestParam(required = false) String description, @RequestParam(required = false) String closesAt,
			RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		return this.forms.run("/console/communities/" + cid + "/votes", flash, "governance.vote.created",
				() -> this.votes.create(cid, title, matter, description, time(closesAt), null, user.getUsername()));
	}

	@PostMapping("/proposals")
	String propose(@PathVariable UUID cid, @RequestParam String title, @RequestParam String matter,
			@RequestParam String body, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		return this.forms.run("/console/communities/" + cid + "/votes", flash, "governance.proposal.submitted",
				() -> this.proposals.submit(cid, title, matter, body, true, user.getUsername()));
	}

	@PostMapping("/proposals/{pid}/review")
	String review(@PathVariable UUID cid, @PathVariable UUID pid, @RequestParam boolean approve,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		inCommunity(cid, this.proposals.get(pid).communityId());
		return this.forms.run("/console/communities/" + cid + "/votes", flash, "governance.proposal.reviewed",
				() -> this.proposals.review(pid, approve, note, user.getUsername()));
	}

	@PostMapping("/proposals/{pid}/vote")
	String putToVote(@PathVariable UUID cid, @PathVariable UUID pid, @RequestParam(required = false) String closesAt,
			RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		inCommunity(cid, this.proposals.get(pid).communityId());
		return this.forms.run("/console/communities/" + cid + "/votes", flash, "governance.vote.created",
				() -> this.proposals.putToVote(pid, time(closesAt), user.getUsername()));
	}

	@GetMapping("/votes/{vid}")
	String vote(@PathVariable UUID cid, @PathVariable UUID vid, Model model) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("vote", vote);
		model.addAttribute("progress", this.votes.progress(vote));
		model.addAttribute("notices", this.notices.of(vote));
		model.addAttribute("pending", vote.status() == Vote.Status.DRAFT ? List.of()
				: this.ballots.list(vote, Ballot.Status.PENDING));
		model.addAttribute("recent", vote.status() == Vote.Status.DRAFT ? List.of() : this.ballots.list(vote, null));
		model.addAttribute("mayRun", this.access.may(cid, Duty.RUN_VOTES));
		model.addAttribute("mayEnter", this.access.may(cid, Duty.ENTER_BALLOTS));
		model.addAttribute("me", this.access.current().getUsername());
		return "governance/vote";
	}

	@PostMapping("/votes/{vid}/open")
	String open(@PathVariable UUID cid, @PathVariable UUID vid, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		vote(cid, vid);
		return this.forms.run(votePath(cid, vid), flash, "governance.vote.opened",
				() -> this.votes.open(vid, user.getUsername()));
	}

	@PostMapping("/votes/{vid}/close")
	String close(@PathVariable UUID cid, @PathVariable UUID vid, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		vote(cid, vid);
		return this.forms.run(votePath(cid, vid), flash, "governance.vote.closed",
				() -> this.votes.close(vid, user.getUsername()));
	}

	@PostMapping("/votes/{vid}/paper-ballots")
	String paper(@PathVariable UUID cid, @PathVariable UUID vid, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String choice, @RequestParam(required = false) MultipartFile scan,
			RedirectAttributes flash) throws IOException {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		Vote vote = vote(cid, vid);
		Attachments.Upload upload = upload(scan);
		return this.forms.run(votePath(cid, vid), flash, "governance.ballot.entered", () -> {
			if (upload == null) {
				throw DomainException.invalid("scan", "governance.attachment.missing");
			}
			this.ballots.enterPaper(vid, voterAt(vote, position), choice, upload, user.getUsername());
		});
	}

	@PostMapping("/votes/{vid}/proxy-ballots")
	String proxy(@PathVariable UUID cid, @PathVariable UUID vid, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String choice, @RequestParam(required = false) String proxyName,
			@RequestParam(required = false) MultipartFile authorisation, RedirectAttributes flash) throws IOException {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		Vote vote = vote(cid, vid);
		Attachments.Upload upload = upload(authorisation);
		return this.forms.run(votePath(cid, vid), flash, "governance.ballot.entered", () -> this.ballots
			.enterProxy(vid, voterAt(vote, position), choice, proxyName, upload, user.getUsername()));
	}

	@PostMapping("/votes/{vid}/ballots/{bid}/confirm")
	String confirm(@PathVariable UUID cid, @PathVariable UUID vid, @PathVariable UUID bid, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		vote(cid, vid);
		return this.forms.run(votePath(cid, vid), flash, "governance.ballot.confirmed",
				() -> this.ballots.confirm(vid, bid, user.getUsername()));
	}

	@PostMapping("/votes/{vid}/ballots/{bid}/refuse")
	String refuse(@PathVariable UUID cid, @PathVariable UUID vid, @PathVariable UUID bid, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		vote(cid, vid);
		return this.forms.run(votePath(cid, vid), flash, "governance.ballot.refused",
				() -> this.ballots.refuse(vid, bid, user.getUsername()));
	}

	@PostMapping("/votes/{vid}/notices")
	String notice(@PathVariable UUID cid, @PathVariable UUID vid, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer recipients, @RequestParam(required = false) String place,
			RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		Vote vote = vote(cid, vid);
		return this.forms.run(votePath(cid, vid), flash, "governance.notice.recorded",
				() -> this.notices.record(vote, kind, recipients, place, user.getUsername()));
	}

	@GetMapping("/votes/{vid}/roll")
	String roll(@PathVariable UUID cid, @PathVariable UUID vid, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		int safePage = Math.max(0, page);
		long total = vote.status() == Vote.Status.DRAFT ? 0 : this.roll.count(vote, q);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("vote", vote);
		List<RollEntry> entries = vote.status() == Vote.Status.DRAFT ? List.<RollEntry>of()
				: this.roll.page(vote, q, safePage, ROLL_PAGE);
		model.addAttribute("entries", entries);
		model.addAttribute("designations",
				this.designations.latest(vote, entries.stream().map(RollEntry::voterId).toList()));
		model.addAttribute("q", q);
		model.addAttribute("page", safePage);
		model.addAttribute("pages", Math.max(1, (total + ROLL_PAGE - 1) / ROLL_PAGE));
		model.addAttribute("total", total);
		return "governance/roll";
	}

	/** One roll entry: its co-owners, who votes for it, the changes of that designation, and the form to change it. */
	@GetMapping("/votes/{vid}/roll/{voterId}")
	String rollEntry(@PathVariable UUID cid, @PathVariable UUID vid, @PathVariable UUID voterId, Model model) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		RollEntry entry = (vote.status() == Vote.Status.DRAFT ? java.util.Optional.<RollEntry>empty()
				: this.roll.entry(vote, voterId))
			.orElseThrow(() -> DomainException.notFound("governance.ballot.voter.unknown"));
		boolean hasBallot = this.ballots.ofVoter(vote, voterId).isPresent();
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("vote", vote);
		model.addAttribute("entry", entry);
		model.addAttribute("coOwners", this.designations.coOwners(vote, entry));
		model.addAttribute("history", this.designations.history(vote, voterId));
		model.addAttribute("hasBallot", hasBallot);
		model.addAttribute("mayChange", vote.isOpen() && !hasBallot && entry.personIds().size() > 1
				&& this.access.may(cid, Duty.ENTER_BALLOTS));
		return "governance/roll-entry";
	}

	@PostMapping("/votes/{vid}/roll/{voterId}/designee")
	String designate(@PathVariable UUID cid, @PathVariable UUID vid, @PathVariable UUID voterId,
			@RequestParam(required = false) String personId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) MultipartFile designation, RedirectAttributes flash) throws IOException {
		CurrentUser user = this.access.require(cid, Duty.ENTER_BALLOTS);
		vote(cid, vid);
		Attachments.Upload upload = upload(designation);
		return this.forms.run(votePath(cid, vid) + "/roll/" + voterId, flash, "governance.designee.changed",
				() -> this.designations.change(vid, voterId, personId, reason, upload, user.getUsername()));
	}

	@GetMapping("/votes/{vid}/roll/{voterId}/designations/{did}/attachment")
	ResponseEntity<byte[]> designationAttachment(@PathVariable UUID cid, @PathVariable UUID vid,
			@PathVariable UUID voterId, @PathVariable UUID did) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		var stored = this.designations.history(vote, voterId)
			.stream()
			.filter(d -> d.id().equals(did))
			.findFirst()
			.flatMap(d -> this.attachments.find(cid, d.attachmentId()))
			.orElseThrow(() -> DomainException.notFound("governance.attachment.missing"));
		return inline(stored);
	}

	/** The printable notice: matter, thresholds, deadline and a QR code that opens the ballot in the resident app. */
	@GetMapping("/votes/{vid}/notice")
	String printableNotice(@PathVariable UUID cid, @PathVariable UUID vid, Model model) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/app/votes/{vid}").buildAndExpand(vid)
			.toUriString();
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("vote", vote);
		model.addAttribute("link", link);
		model.addAttribute("qr", QrCodes.dataUri(link, 240));
		return "governance/notice-print";
	}

	@GetMapping("/votes/{vid}/result")
	String printableResult(@PathVariable UUID cid, @PathVariable UUID vid, Model model) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		if (!vote.isClosed()) {
			throw DomainException.conflict("governance.vote.notClosed");
		}
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("vote", vote);
		model.addAttribute("result", vote.result());
		return "governance/result-print";
	}

	@GetMapping("/votes/{vid}/ballots/{bid}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable UUID cid, @PathVariable UUID vid, @PathVariable UUID bid) {
		this.access.require(cid, Duty.READ);
		Vote vote = vote(cid, vid);
		Ballot ballot = this.ballots.find(vote, bid)
			.orElseThrow(() -> DomainException.notFound("governance.ballot.notFound"));
		var stored = ballot.attachmentId() == null ? null
				: this.attachments.find(cid, ballot.attachmentId()).orElse(null);
		if (stored == null) {
			throw DomainException.notFound("governance.attachment.missing");
		}
		return inline(stored);
	}

	private static ResponseEntity<byte[]> inline(Attachments.Stored stored) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(stored.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", stored.sha256())
			.body(stored.bytes());
	}

	@GetMapping("/rules")
	String ruleDocuments(@PathVariable UUID cid, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("documents", this.rules.list(cid));
		model.addAttribute("mayRun", this.access.may(cid, Duty.RUN_VOTES));
		model.addAttribute("settings", this.settings.of(cid));
		return "governance/rules";
	}

	@PostMapping("/rules")
	String addRuleDocument(@PathVariable UUID cid, @RequestParam String kind, @RequestParam String title,
			@RequestParam String body, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.RUN_VOTES);
		return this.forms.run("/console/communities/" + cid + "/rules", flash, "governance.rules.added",
				() -> this.rules.add(cid, kind, title, body, null, user.getUsername()));
	}

	@PostMapping("/governance-settings")
	String settings(@PathVariable UUID cid, @RequestParam(required = false) String nonVoters,
			@RequestParam(required = false) Integer mediationTargetDays, @RequestParam int version,
			RedirectAttributes flash) {
		this.access.require(cid, Duty.RUN_VOTES);
		return this.forms.run("/console/communities/" + cid + "/rules", flash, "governance.settings.saved",
				() -> this.settings.update(cid, nonVoters, mediationTargetDays, version));
	}

	private Vote vote(UUID cid, UUID vid) {
		Vote vote = this.votes.get(vid);
		inCommunity(cid, vote.communityId());
		return vote;
	}

	private static void inCommunity(UUID cid, UUID actual) {
		if (!cid.equals(actual)) {
			throw DomainException.notFound("governance.vote.notFound");
		}
	}

	private String voterAt(Vote vote, Integer position) {
		return (position == null ? java.util.Optional.<RollEntry>empty() : this.roll.atPosition(vote, position))
			.map(entry -> entry.voterId().toString())
			.orElseThrow(() -> DomainException.invalid("position", "governance.ballot.voter.unknown"));
	}

	private OffsetDateTime time(String local) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			ZoneId zone = this.clock.getZone();
			return LocalDateTime.parse(local.strip()).atZone(zone).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw DomainException.invalid("closesAt", "governance.vote.closesAt.invalid");
		}
	}

	private static Attachments.Upload upload(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? null
				: new Attachments.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
	}

	private static String votePath(UUID cid, UUID vid) {
		return "/console/communities/" + cid + "/votes/" + vid;
	}

}
