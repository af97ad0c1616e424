package org.linli.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MoneyUnitTests {

	@Test
	void parsesYuanExactlyAndRefusesFractionsOfAFen() {
		assertThat(Money.ofYuan("12.5")).isEqualTo(Money.ofFen(1250));
		assertThat(Money.ofYuan(" 0.01 ")).isEqualTo(Money.ofFen(1));
		assertThat(Money.ofYuan("3.100")).isEqualTo(Money.ofFen(310));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.ofYuan("0.001"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.ofYuan("12,50"));
	}

	@Test
	void roundsOnlyAsTold() {
		// 1.85 yuan per m2 for 87.35 m2 = 161.5975 yuan
		Money rate = Money.ofYuan("1.85");
		assertThat(rate.times(new BigDecimal("87.35"), RoundingMode.HALF_UP)).isEqualTo(Money.ofFen(16160));
		assertThat(rate.times(new BigDecimal("87.35"), RoundingMode.DOWN)).isEqualTo(Money.ofFen(16159));
		assertThat(Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.ofFen(2));
	}

	@Test
	void formatsAsYuanAndRefusesOverflow() {
		assertThat(Money.ofFen(-1205)).hasToString("-12.05");
		assertThat(Money.ofFen(7).yuan()).isEqualByComparingTo("0.07");
		assertThat(Money.ofFen(100).plus(Money.ofFen(-300)).isNegative()).isTrue();
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)));
	}

}
