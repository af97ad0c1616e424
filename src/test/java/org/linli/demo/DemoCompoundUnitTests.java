package org.linli.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.RoomPlan;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCompoundUnitTests {

	private final CompoundPlan plan = DemoCompound.plan();

	@Test
	void isTheSampleCompoundOfThePlan() {
		var rooms = this.plan.buildings().stream().flatMap(b -> b.rooms().stream()).toList();
		assertThat(rooms).hasSize(1500);
		assertThat(rooms.stream().filter(r -> !r.household().isEmpty())).hasSize(1500);
		assertThat(rooms.stream().map(RoomPlan::grossArea).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("120000.00");
		assertThat(this.plan.builtYear()).isEqualTo(2005);
		assertThat(this.plan.code()).isEqualTo("xingfuli");
	}

	@Test
	void everyPersonHasAValidUniqueIdNumberThatAgreesWithBirthDateAndGender() {
		var persons = this.plan.buildings().stream().flatMap(b -> b.rooms().stream())
			.flatMap(r -> r.household().stream()).toList();
		assertThat(persons).allSatisfy(p -> {
			var id = org.linli.shared.person.ChineseIdNumber.parse(p.idNumber()).orElseThrow();
			assertThat(id.birthDate()).isEqualTo(p.birthDate());
			assertThat(id.gender() == org.linli.shared.person.Gender.MALE).isEqualTo(p.gender() == 'M');
			if (p.phone() != null) {
				assertThat(org.linli.shared.person.MobileNumber.parse(p.phone()).isValid()).isTrue();
			}
		});
		assertThat(persons.stream().map(CompoundPlan.PersonPlan::idNumber).distinct()).hasSameSizeAs(persons);
	}

	@Test
	void isTheSameEveryTime() {
		assertThat(DemoCompound.plan()).isEqualTo(this.plan);
	}

	@Test
	void hasTheOwnershipCasesTheVotingRulesDistinguish() {
		var rooms = this.plan.buildings().stream().flatMap(b -> b.rooms().stream()).toList();
		assertThat(rooms).anyMatch(r -> r.owner().type() == OwnerType.DEVELOPER);
		assertThat(rooms).anyMatch(r -> r.owner().personKeys().size() == 2);
		Map<String, Integer> roomsPerOwner = new HashMap<>();
		rooms.forEach(r -> r.owner().personKeys().forEach(k -> roomsPerOwner.merge(k, 1, Integer::sum)));
		assertThat(roomsPerOwner.values()).contains(2);
		assertThat(rooms).allMatch(r -> r.owner().type() == OwnerType.DEVELOPER || !r.owner().personKeys().isEmpty());
	}

}
