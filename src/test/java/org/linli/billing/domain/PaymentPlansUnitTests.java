package org.linli.billing.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.billing.domain.PaymentPlans.Instalment;
import org.linli.billing.domain.PaymentPlans.InstalmentState;

import static org.assertj.core.api.Assertions.assertThat;

/** Instalment amounts sum exactly to the debt; what is settled fills the instalments in order. */
class PaymentPlansUnitTests {

	@Test
	void instalmentsSumExactlyToTheDebtWithTheRemainderOnTheFirstOnes() {
		assertThat(PaymentPlans.split(13275, 4)).containsExactly(3319, 3319, 3319, 3318);
		assertThat(PaymentPlans.split(100, 3)).containsExactly(34, 33, 33);
		assertThat(PaymentPlans.split(24, 24)).containsOnly(1);
		for (long total = 24; total < 5_000; total += 7) {
			for (int n = 2; n <= PaymentPlans.MAX_INSTALMENTS; n++) {
				long[] parts = PaymentPlans.split(total, n);
				assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
				long first = parts[0];
				long last = parts[n - 1];
				assertThat(first - last).isBetween(0L, 1L);
				for (int i = 1; i < n; i++) {
					assertThat(parts[i]).isLessThanOrEqualTo(parts[i - 1]);
				}
			}
		}
	}

	@Test
	void settledMoneyFillsTheInstalmentsInOrder() {
		LocalDate today = LocalDate.of(2026, 6, 15);
		List<LocalDate> dues = List.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1));
		long[] amounts = { 3400, 3300, 3300 };
		List<Instalment> none = PaymentPlans.schedule(dues, amounts, 0, today);
		assertThat(none).extracting(Instalment::state)
			.containsExactly(InstalmentState.OVERDUE, InstalmentState.DUE, InstalmentState.DUE);
		List<Instalment> some = PaymentPlans.schedule(dues, amounts, 5000, today);
		assertThat(some).extracting(Instalment::paidFen).containsExactly(3400L, 1600L, 0L);
		assertThat(some).extracting(Instalment::state)
			.containsExactly(InstalmentState.PAID, InstalmentState.PARTLY_PAID, InstalmentState.DUE);
		// a month later the partly paid instalment is overdue
		assertThat(PaymentPlans.schedule(dues, amounts, 5000, LocalDate.of(2026, 7, 2))).extracting(Instalment::state)
			.containsExactly(InstalmentState.PAID, InstalmentState.OVERDUE, InstalmentState.DUE);
		// due today is not yet overdue
		assertThat(PaymentPlans.schedule(dues, amounts, 3400, LocalDate.of(2026, 7, 1)).get(1).state())
			.isEqualTo(InstalmentState.DUE);
		assertThat(PaymentPlans.schedule(dues, amounts, 10_000, LocalDate.of(2027, 1, 1))).extracting(Instalment::state)
			.containsOnly(InstalmentState.PAID);
	}

}
