package org.linli.renovation.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.Role;
import org.linli.renovation.Actor;
import org.linli.renovation.FundingKind;
import org.linli.renovation.PaymentStage;
import org.linli.renovation.ProjectPlan;
import org.linli.renovation.ReviewStep;
import org.linli.renovation.Views;
import org.linli.renovation.domain.DisbursementService;
import org.linli.renovation.domain.ProjectService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects, contracts, disbursements and signatures under /api/v1. The project manager runs the project; the three
 * signing roles sign; the street office confirms emergencies and reads; every call is scoped to the community.
 */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'PROJECT_MANAGER', 'SUPERVISING_ENGINEER', 'OWNER_REPRESENTATIVE', "
		+ "'STREET_OFFICER', 'COMMITTEE_MEMBER', 'AUDITOR')")
class RenovationController {

	record Review(ReviewStep step, String reviewer, String reference) {
	}

	record Receipt(FundingKind kind, Long amountFen, LocalDate receivedOn, String reference) {
	}

	record NewContract(String budgetLineId, String contractor, String title, Long amountFen, LocalDate signedOn,
			Integer warrantyMonths) {
	}

	record Acceptance(LocalDate acceptedOn) {
	}

	record NewDisbursement(PaymentStage stage, Long amountFen, String purpose, Boolean maintenanceFund, String voteId,
			String emergencyKind) {
	}

	record Signing(Role role, String totp) {
	}

	record Progress(Integer progressPercent) {
	}

	record Achievement(LocalDate achievedOn, String note) {
	}

	record Change(String budgetLineId, Long deltaFen, String reason) {
	}

	record Decision(String decisionRef) {
	}

	record Release(String budgetLineId, Long amountFen, String decisionRef) {
	}

	private static final String MANAGER = "hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN')";

	private final ProjectService projects;

	private final DisbursementService disbursements;

	private final CommunityAccess access;

	RenovationController(ProjectService projects, DisbursementService disbursements, CommunityAccess access) {
		this.projects = projects;
		this.disbursements = disbursements;
		this.access = access;
	}

	@PostMapping("/api/v1/communities/{cid}/renovation-projects")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Views.Project create(@PathVariable UUID cid, @RequestBody ProjectPlan plan) {
		CurrentUser user = this.access.require(cid);
		return this.projects.view(this.projects.create(cid, plan, Actor.of(user)));
	}

	@GetMapping("/api/v1/communities/{cid}/renovation-projects")
	List<Views.Project> list(@PathVariable UUID cid) {
		this.access.require(cid);
		return this.projects.projectsOf(cid).stream().map(this.projects::view).toList();
	}

	@GetMapping("/api/v1/renovation-projects/{pid}")
	Views.Project project(@PathVariable UUID pid) {
		actorIn(pid);
		return this.projects.view(pid);
	}

	@GetMapping("/api/v1/renovation-projects/{pid}/disbursements")
	List<Views.Disbursement> disbursements(@PathVariable UUID pid) {
		actorIn(pid);
		return this.disbursements.ofProject(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/budget-reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Views.Project review(@PathVariable UUID pid, @RequestBody Review review) {
		this.projects.review(pid, review.step(), review.reviewer(), review.reference(), actorIn(pid));
		return this.projects.view(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/fund-receipts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Map<String, UUID> receive(@PathVariable UUID pid, @RequestBody Receipt receipt) {
		return Map.of("id", this.projects.receive(pid, receipt.kind(), receipt.amountFen(), receipt.receivedOn(),
				receipt.reference(), actorIn(pid)));
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/contracts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Map<String, UUID> contract(@PathVariable UUID pid, @RequestBody NewContract contract) {
		return Map.of("id", this.disbursements.createContract(pid, Ids.parse(contract.budgetLineId()),
				contract.contractor(), contract.title(), contract.amountFen(), contract.signedOn(),
				contract.warrantyMonths(), actorIn(pid)));
	}

	@PostMapping("/api/v1/contracts/{kid}/acceptance")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'SUPERVISING_ENGINEER')")
	void accept(@PathVariable UUID kid, @RequestBody(required = false) Acceptance acceptance) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfContract(kid)));
		this.disbursements.accept(kid, acceptance == null ? null : acceptance.acceptedOn(), actor);
	}

	@PostMapping("/api/v1/contracts/{kid}/disbursements")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Views.Disbursement request(@PathVariable UUID kid, @RequestBody NewDisbursement request) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfContract(kid)));
		UUID id = this.disbursements.request(kid, new DisbursementService.Request(request.stage(), request.amountFen(),
				request.purpose(), Boolean.TRUE.equals(request.maintenanceFund()),
				request.voteId() == null ? null : Ids.parse(request.voteId()), request.emergencyKind()), actor);
		return this.disbursements.view(id);
	}

	@GetMapping("/api/v1/disbursements/{did}")
	Views.Disbursement disbursement(@PathVariable UUID did) {
		this.access.require(this.disbursements.communityOfDisbursement(did));
		return this.disbursements.view(did);
	}

	@PostMapping("/api/v1/disbursements/{did}/signatures")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'SUPERVISING_ENGINEER', 'OWNER_REPRESENTATIVE')")
	Views.Disbursement sign(@PathVariable UUID did, @RequestBody(required = false) Signing signing) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfDisbursement(did)));
		this.disbursements.sign(did, signing == null ? null : signing.role(), signing == null ? null : signing.totp(),
				actor);
		return this.disbursements.view(did);
	}

	@PostMapping("/api/v1/disbursements/{did}/emergency-confirmation")
	@PreAuthorize("hasRole('STREET_OFFICER')")
	Views.Disbursement confirmEmergency(@PathVariable UUID did) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfDisbursement(did)));
		this.disbursements.confirmEmergency(did, actor);
		return this.disbursements.view(did);
	}

	@PostMapping("/api/v1/disbursements/{did}/release")
	@PreAuthorize(MANAGER)
	Views.Disbursement release(@PathVariable UUID did) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfDisbursement(did)));
		this.disbursements.release(did, actor);
		return this.disbursements.view(did);
	}

	@PostMapping("/api/v1/disbursements/{did}/cancellation")
	@PreAuthorize(MANAGER)
	Views.Disbursement cancel(@PathVariable UUID did) {
		Actor actor = Actor.of(this.access.require(this.disbursements.communityOfDisbursement(did)));
		this.disbursements.cancel(did, actor);
		return this.disbursements.view(did);
	}

	@PutMapping("/api/v1/renovation-projects/{pid}/phases/{number}")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'SUPERVISING_ENGINEER')")
	Views.Project progress(@PathVariable UUID pid, @PathVariable int number, @RequestBody Progress progress) {
		this.projects.progress(pid, number, progress.progressPercent(), actorIn(pid));
		return this.projects.view(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/milestones/{code}/achievement")
	@PreAuthorize(MANAGER)
	Views.Project achieve(@PathVariable UUID pid, @PathVariable String code,
			@RequestBody(required = false) Achievement achievement) {
		this.projects.achieve(pid, code, achievement == null ? null : achievement.achievedOn(),
				achievement == null ? null : achievement.note(), actorIn(pid));
		return this.projects.view(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/change-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Map<String, UUID> change(@PathVariable UUID pid, @RequestBody Change change) {
		return Map.of("id", this.projects.requestChange(pid, Ids.parse(change.budgetLineId()), change.deltaFen(),
				change.reason(), actorIn(pid)));
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/change-requests/{id}/approval")
	@PreAuthorize(MANAGER)
	Views.Project approve(@PathVariable UUID pid, @PathVariable UUID id,
			@RequestBody(required = false) Decision decision) {
		Actor actor = actorIn(pid);
		if (!pid.equals(this.projects.projectOfChange(id))) {
			// the change is reached only through its own project, whose community was checked
			throw org.linli.shared.web.DomainException.notFound("renovation.change.notFound");
		}
		this.projects.approveChange(id, decision == null ? null : decision.decisionRef(), actor);
		return this.projects.view(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/contingency-releases")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGER)
	Views.Project releaseContingency(@PathVariable UUID pid, @RequestBody Release release) {
		this.projects.releaseContingency(pid, Ids.parse(release.budgetLineId()), release.amountFen(),
				release.decisionRef(), actorIn(pid));
		return this.projects.view(pid);
	}

	private Actor actorIn(UUID pid) {
		CurrentUser user = this.access.require(this.projects.communityOf(pid));
		return Actor.of(user);
	}

}
