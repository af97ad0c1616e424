package org.linli.renovation.domain;

import java.time.LocalDate;

import org.linli.renovation.PaymentStage;
import org.linli.shared.web.DomainException;

/**
 * The staged-payment caps of one contract, as cumulative limits: progress payments up to the progress cap, everything
 * but the retained share once accepted, the rest only after the warranty period. Amounts in fen; percentages are
 * applied by exact integer arithmetic (rounding down, in the payer's favour).
 */
final class PaymentRules {

	private PaymentRules() {
	}

	/** Refuses a payment that the stage does not allow yet or that exceeds the stage's cumulative cap. */
	static void check(RenovationSettings settings, PaymentStage stage, long contractFen, long progressPaidFen,
			long totalPaidFen, long amountFen, LocalDate acceptedOn, LocalDate warrantyEndsOn, LocalDate today) {
		if (amountFen <= 0) {
			throw DomainException.invalid("amountFen", "renovation.amount.positive");
		}
		switch (stage) {
			case PROGRESS -> {
				long cap = contractFen * settings.progressCapPercent() / 100;
				if (progressPaidFen + amountFen > cap) {
					throw DomainException.invalid("amountFen", "renovation.disbursement.progressCap",
							settings.progressCapPercent(), Amounts.yuan(cap - progressPaidFen));
				}
			}
			case ACCEPTANCE -> {
				if (acceptedOn == null) {
					throw DomainException.conflict("renovation.disbursement.notAccepted");
				}
				long cap = contractFen * (100 - settings.retainedPercent()) / 100;
				if (totalPaidFen + amountFen > cap) {
					throw DomainException.invalid("amountFen", "renovation.disbursement.acceptanceCap",
							100 - settings.retainedPercent(), Amounts.yuan(cap - totalPaidFen));
				}
			}
			case FINAL -> {
				if (acceptedOn == null || today.isBefore(warrantyEndsOn)) {
					throw DomainException.conflict("renovation.disbursement.warranty", warrantyEndsOn);
				}
				if (totalPaidFen + amountFen > contractFen) {
					throw DomainException.invalid("amountFen", "renovation.disbursement.contractCap",
							Amounts.yuan(contractFen - totalPaidFen));
				}
			}
		}
	}

}
