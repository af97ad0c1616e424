package org.linli.billing.domain;

import org.linli.billing.BillingApi;
import org.linli.shared.money.Money;
import org.linli.workorder.ChargeableRepairCompleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A chargeable repair (有偿维修) becomes a one-off charge on the room's bill. The order id is the charge's source
 * reference, so a redelivered event, or an order resolved again after a reopening, never charges twice.
 */
@Component
class RepairCharges {

	private final BillingApi billing;

	RepairCharges(BillingApi billing) {
		this.billing = billing;
	}

	@ApplicationModuleListener
	void on(ChargeableRepairCompleted repair) {
		if (repair.roomId() == null || repair.feeFen() <= 0) {
			return;
		}
		String materials = repair.materials() == null || repair.materials().isBlank() ? ""
				: "（" + repair.materials().strip() + "）";
		this.billing.addOneOffCharge(repair.communityId(), repair.roomId(), "有偿维修" + materials,
				Money.ofFen(repair.feeFen()), "workorder:" + repair.orderId());
	}

}
