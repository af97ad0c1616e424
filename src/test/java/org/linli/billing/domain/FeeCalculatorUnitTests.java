package org.linli.billing.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rounding rule of bills: exact arithmetic, rounded once, half up, to whole fen; proration by day. */
class FeeCalculatorUnitTests {

	@Test
	void aFullMonthIsPriceTimesAreaExactly() {
		assertThat(FeeCalculator.amount(150, new BigDecimal("88.50"), 1, 31, 31, 0)).isEqualTo(13275);
		assertThat(FeeCalculator.amount(180, new BigDecimal("89.60"), 1, 30, 30, 0)).isEqualTo(16128);
	}

	@Test
	void halfAFenRoundsUpAndLessRoundsDown() {
		// 1 fen x 0.50 m2 = 0.5 fen -> 1; 1 fen x 0.49 m2 = 0.49 fen -> 0
		assertThat(FeeCalculator.amount(1, new BigDecimal("0.50"), 1, 30, 30, 0)).isEqualTo(1);
		assertThat(FeeCalculator.amount(1, new BigDecimal("0.49"), 1, 30, 30, 0)).isZero();
		// 3 fen x 1 m2 x 1/2 month = 1.5 -> 2; x 1/3 = 1.0 -> 1
		assertThat(FeeCalculator.amount(3, BigDecimal.ONE, 1, 15, 30, 0)).isEqualTo(2);
		assertThat(FeeCalculator.amount(3, BigDecimal.ONE, 1, 10, 30, 0)).isEqualTo(1);
	}

	@Test
	void moveInAndMoveOutAreProratedByDayAndRoundedOnlyOnce() {
		// 68.80 m2 x 1.80 x 17/31 = 67.91225... -> 67.91 (rounding the monthly fee first would give the same here)
		assertThat(FeeCalculator.amount(180, new BigDecimal("68.80"), 1, 17, 31, 0)).isEqualTo(6791);
		// 1.35/m2 x 81.60 m2 = 110.16 per month; 1 day of 31 = 3.5535 -> 3.55
		assertThat(FeeCalculator.amount(135, new BigDecimal("81.60"), 1, 1, 31, 0)).isEqualTo(355);
		// rounded once: 10 days of 30 at 0.05 fen exact stays exact; sum of 3 thirds of 100 is 33+33+33 = 99
		assertThat(FeeCalculator.amount(100, BigDecimal.ONE, 1, 10, 30, 0)).isEqualTo(33);
		assertThat(FeeCalculator.amount(100, BigDecimal.ONE, 1, 0, 30, 0)).isZero();
	}

	@Test
	void quartersAndYearsBillTheirMonthsAndProrateOverTheirDays() {
		assertThat(FeeCalculator.amount(150, new BigDecimal("100.00"), 3, 92, 92, 0)).isEqualTo(45000);
		// moved in for the last 46 of 92 days of a quarter: half
		assertThat(FeeCalculator.amount(150, new BigDecimal("100.00"), 3, 46, 92, 0)).isEqualTo(22500);
		assertThat(FeeCalculator.amount(150, new BigDecimal("100.00"), 12, 365, 365, 0)).isEqualTo(180000);
	}

	@Test
	void reductionsAndExemptions() {
		assertThat(FeeCalculator.amount(150, new BigDecimal("88.50"), 1, 31, 31, 50)).isEqualTo(6638);
		assertThat(FeeCalculator.amount(150, new BigDecimal("88.50"), 1, 31, 31, 100)).isZero();
	}

	@Test
	void consumptionAndInstalments() {
		assertThat(FeeCalculator.consumption(350, new BigDecimal("12.35"))).isEqualTo(4323);
		assertThat(FeeCalculator.split(10000, 3)).containsExactly(3334, 3333, 3333);
		assertThat(FeeCalculator.split(10001, 2)).containsExactly(5001, 5000);
	}

	@Test
	void periodsOfAMonthAQuarterAndAYear() {
		assertThat(Period.parse("2024-02").days()).isEqualTo(29);
		assertThat(Period.parse("2026-q4")).extracting(Period::text, Period::months, Period::days)
			.containsExactly("2026-Q4", 3, 92L);
		assertThat(Period.parse(" 2026 ").days()).isEqualTo(365);
		for (String bad : List.of("2026-13", "2026-Q5", "26-01", "", "2026/11")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse(bad))
				.isInstanceOf(org.linli.shared.web.DomainException.class);
		}
	}

	@Test
	void meterAnomalies() {
		assertThat(Meters.anomaly(new BigDecimal("-1.00"), List.of())).isEqualTo("NEGATIVE");
		assertThat(Meters.anomaly(new BigDecimal("45.00"), List.of(new BigDecimal("10.00"), new BigDecimal("12.00"))))
			.isEqualTo("JUMP");
		assertThat(Meters.anomaly(new BigDecimal("30.00"), List.of(new BigDecimal("10.00")))).isNull();
		// small figures never count as a jump: 3 m3 after 0.5 m3 months
		assertThat(Meters.anomaly(new BigDecimal("3.00"), List.of(new BigDecimal("0.50")))).isNull();
		assertThat(Meters.anomaly(null, List.of())).isNull();
	}

}
