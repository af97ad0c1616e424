package org.linli.renovation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.Role;
import org.linli.renovation.domain.DisbursementService;
import org.linli.renovation.domain.ProjectService;
import org.linli.renovation.domain.SupervisionService;

import org.springframework.stereotype.Service;

/**
 * What other modules (the demo, dashboards) may ask of renovation: run a project through its steps as an
 * {@link Actor} and read its figures. Every rule of the pages and the API applies here too; amounts are in fen.
 */
@Service
public class RenovationApi {

	private final ProjectService projects;

	private final DisbursementService disbursements;

	private final SupervisionService supervision;

	RenovationApi(ProjectService projects, DisbursementService disbursements, SupervisionService supervision) {
		this.projects = projects;
		this.disbursements = disbursements;
		this.supervision = supervision;
	}

	public UUID createProject(UUID communityId, ProjectPlan plan, Actor actor) {
		return this.projects.create(communityId, plan, actor);
	}

	public void review(UUID projectId, ReviewStep step, String reviewer, String reference, Actor actor) {
		this.projects.review(projectId, step, reviewer, reference, actor);
	}

	public UUID receiveFunds(UUID projectId, FundingKind kind, long amountFen, LocalDate receivedOn, String reference,
			Actor actor) {
		return this.projects.receive(projectId, kind, amountFen, receivedOn, reference, actor);
	}

	public UUID createContract(UUID projectId, UUID budgetLineId, String contractor, String title, long amountFen,
			LocalDate signedOn, int warrantyMonths, Actor actor) {
		return this.disbursements.createContract(projectId, budgetLineId, contractor, title, amountFen, signedOn,
				warrantyMonths, actor);
	}

	public void acceptContract(UUID contractId, LocalDate acceptedOn, Actor actor) {
		this.disbursements.accept(contractId, acceptedOn, actor);
	}

	public UUID requestDisbursement(UUID contractId, PaymentRequest request, Actor actor) {
		return this.disbursements.request(contractId, new DisbursementService.Request(request.stage(),
				request.amountFen(), request.purpose(), request.maintenanceFund(), request.voteId(),
				request.emergencyKind()), actor);
	}

	/** One of the three signatures; {@code totp} is the signer's fresh one-time code (ignored for exempt accounts). */
	public void sign(UUID disbursementId, Role asRole, String totp, Actor actor) {
		this.disbursements.sign(disbursementId, asRole, totp, actor);
	}

	public void release(UUID disbursementId, Actor actor) {
		this.disbursements.release(disbursementId, actor);
	}

	public void reportProgress(UUID projectId, int phase, int percent, Actor actor) {
		this.projects.progress(projectId, phase, percent, actor);
	}

	public void achieveMilestone(UUID projectId, String code, LocalDate achievedOn, String note, Actor actor) {
		this.projects.achieve(projectId, code, achievedOn, note, actor);
	}

	public void appointSupervisor(UUID projectId, String username, Actor actor) {
		this.supervision.appoint(projectId, username, actor);
	}

	public List<Views.Project> projects(UUID communityId) {
		return this.projects.projectsOf(communityId).stream().map(this.projects::view).toList();
	}

	public Optional<Views.Project> project(UUID projectId) {
		return this.projects.exists(projectId) ? Optional.of(this.projects.view(projectId))
				: Optional.empty();
	}

	public List<Views.Disbursement> disbursements(UUID projectId) {
		return this.disbursements.ofProject(projectId);
	}

	public List<Views.Receipt> receipts(UUID projectId) {
		return this.projects.receipts(projectId);
	}

	public Views.Supervision supervision(UUID projectId) {
		return this.supervision.supervision(projectId);
	}

	/** Dashboard figures of every project of the compound, newest first. */
	public List<Views.Summary> summaries(UUID communityId) {
		return this.projects.projectsOf(communityId).reversed().stream().map(this::summary).toList();
	}

	private Views.Summary summary(UUID projectId) {
		Views.Project project = this.projects.view(projectId);
		Views.Supervision watch = this.supervision.supervision(projectId);
		return new Views.Summary(projectId, project.name(), project.status(), project.budgetFen(),
				project.fundingSources().stream().mapToLong(Views.Source::receivedFen).sum(),
				project.budgetLines().stream().mapToLong(Views.BudgetLine::disbursedFen).sum(),
				project.milestones().stream().filter(Views.Milestone::overdue).count(), watch.openObjections(),
				watch.overdueObjections());
	}

}
