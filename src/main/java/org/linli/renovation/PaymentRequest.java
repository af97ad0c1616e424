package org.linli.renovation;

import java.util.UUID;

/**
 * A disbursement to request against a contract: its stage, amount in fen and purpose; when the maintenance fund pays,
 * the adopted FUND_USE vote or the emergency (ELEVATOR_HAZARD, FIRE_EQUIPMENT, FACADE_FALLING, WATER_SUPPLY).
 */
public record PaymentRequest(PaymentStage stage, long amountFen, String purpose, boolean maintenanceFund, UUID voteId,
		String emergencyKind) {

	/** An ordinary payment, not from the maintenance fund. */
	public static PaymentRequest of(PaymentStage stage, long amountFen, String purpose) {
		return new PaymentRequest(stage, amountFen, purpose, false, null, null);
	}

}
