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

	public record Objection(UUID id, String filedBy, String text, OffsetDateTime filedAt, String answer,
			String answeredBy, OffsetDateTime answeredAt) {
	}

}
