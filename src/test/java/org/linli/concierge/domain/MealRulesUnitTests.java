package org.linli.concierge.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.registry.Occupant;

import static org.assertj.core.api.Assertions.assertThat;

/** Who elderly meals are for, who gets them delivered and who pays the subsidised price. */
class MealRulesUnitTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 28);

	@Test
	void elderlyFromTheYearOfTheSixtiethBirthday() {
		assertThat(MealRules.isElderly(person(1966, Set.of()), DAY)).isTrue();
		assertThat(MealRules.isElderly(person(1967, Set.of()), DAY)).isFalse();
		assertThat(MealRules.isElderly(person(null, Set.of()), DAY)).isFalse();
		assertThat(MealRules.isElderly(person(null, Set.of("ELDERLY_ALONE")), DAY)).isTrue();
	}

	@Test
	void deliveryForThoseWhoCannotComeOrOfGreatAge() {
		assertThat(MealRules.mayHaveDelivered(person(1950, Set.of()), DAY)).isFalse();
		assertThat(MealRules.mayHaveDelivered(person(1950, Set.of("NEEDS_CARE")), DAY)).isTrue();
		assertThat(MealRules.mayHaveDelivered(person(1950, Set.of("ELDERLY_ALONE")), DAY)).isTrue();
		assertThat(MealRules.mayHaveDelivered(person(1950, Set.of("DISABLED")), DAY)).isTrue();
		assertThat(MealRules.mayHaveDelivered(person(1946, Set.of()), DAY)).isTrue();
		assertThat(MealRules.mayHaveDelivered(person(1947, Set.of("CHILD")), DAY)).isFalse();
	}

	@Test
	void subsidyForLowIncomeAloneInNeedOfCareOrOfGreatAge() {
		assertThat(MealRules.qualifiesForSubsidy(person(1955, Set.of()), DAY)).isFalse();
		assertThat(MealRules.qualifiesForSubsidy(person(1955, Set.of("LOW_INCOME")), DAY)).isTrue();
		assertThat(MealRules.qualifiesForSubsidy(person(1955, Set.of("MILITARY_FAMILY")), DAY)).isFalse();
		assertThat(MealRules.qualifiesForSubsidy(person(1940, Set.of()), DAY)).isTrue();
	}

	private static Occupant person(Integer birthYear, Set<String> tags) {
		return new Occupant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "1号楼 1-101",
				"张三", birthYear, tags);
	}

}
