package org.linli.billing.web;

import org.linli.shared.money.Money;

import org.springframework.stereotype.Component;

/** Shows fen as yuan in templates: {@code ${@billingMoney.yuan(bill.amountFen())}} -> {@code 132.75}. */
@Component("billingMoney")
class BillingMoney {

	public String yuan(long fen) {
		return Money.ofFen(fen).toString();
	}

	/** A rate fraction (0.8734) as a percentage (87.34%), digits as computed (no further rounding). */
	public String percent(java.math.BigDecimal rate) {
		return rate.movePointRight(2).setScale(2, java.math.RoundingMode.DOWN).toPlainString() + "%";
	}

}
