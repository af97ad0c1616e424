package org.linli.renovation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What pages and the API show of a project; amounts in fen. */
public final class Views {

	private Views() {
	}

	public record Project(UUID id, UUID communityId, String name, LocalDate startsOn, long budgetFen,
			long contingencyFen, long contingencyReleasedFen, boolean contingencyPlanOpen, boolean replanRequired,
			boolean budgetApproved, String status, String scheduleDeviation, String costDeviation,
			List<BudgetLine> budgetLines, List<Source> fundingSources, List<Review> reviews, List<Phase> phases,
			List<Milestone> milestones, List<Contract> contracts) {
	}

	public record BudgetLine(UUID id, String code, String name, int phase, long amountFen, long disbursedFen,
			long committedFen) {
	}

	public record Source(FundingKind kind, long plannedFen, long receivedFen, String sharePercent) {
	}

	public record Review(ReviewStep step, String reviewer, String reference, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	public record Phase(int number, String code, int startMonth, int endMonth, int progressPercent,
			int plannedPercent) {
	}

	public record Milestone(String code, int dueMonth, LocalDate dueOn, LocalDate achievedOn, String note,
			boolean overdue) {
	}

	public record Contract(UUID id, UUID budgetLineId, String contractor, String title, long amountFen,
			LocalDate signedOn, int warrantyMonths, LocalDate acceptedOn, LocalDate warrantyEndsOn, long paidFen) {
	}

	public record Disbursement(UUID id, UUID projectId, UUID contractId, PaymentStage stage, long amountFen,
			String purpose, boolean maintenanceFund, UUID voteId, String emergencyKind, String emergencyConfirmedBy,
			String status, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime disbursedAt,
			Long ledgerIndex, List<Signature> signatures) {
	}

	public record Signature(String role, String username, OffsetDateTime signedAt, long ledgerIndex) {
	}

	public record Receipt(UUID id, FundingKind kind, long amountFen, LocalDate receivedOn, String reference,
			long ledgerIndex) {
	}

	public record ChangeRequest(UUID id, UUID budgetLineId, long deltaFen, String reason, String level,
			String status, String decisionRef, String requestedBy, String decidedBy) {
	}

	public record ContingencyRelease(UUID budgetLineId, long amountFen, String decisionRef, String decidedBy,
			OffsetDateTime decidedAt) {
	}

	/** An objection of a resident supervisor; it must be answered by {@code dueAt}, else it is overdue. */
	public record Objection(UUID id, UUID projectId, String filedBy, String text, OffsetDateTime filedAt,
			OffsetDateTime dueAt, boolean overdue, String answer, String answeredBy, OffsetDateTime answeredAt) {

		public boolean open() {
			return this.answeredAt == null;
		}

	}

	/** A resident supervisor (居民监督员) of a project. */
	public record Supervisor(UUID accountId, String username, OffsetDateTime appointedAt) {
	}

	/** Supervisors of a project, how many the compound's households allow (one per 50), and the objections. */
	public record Supervision(List<Supervisor> supervisors, int allowed, List<Objection> objections) {

		public long openObjections() {
			return this.objections.stream().filter(Objection::open).count();
		}

		public long overdueObjections() {
			return this.objections.stream().filter(Objection::overdue).count();
		}

	}

	/** What a dashboard shows of a project. */
	public record Summary(UUID projectId, String name, String status, long budgetFen, long receivedFen,
			long disbursedFen, long overdueMilestones, long openObjections, long overdueObjections) {
	}

}
