package org.linli.identity;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleUnitTests {

	@Test
	void noAccountMayHoldTwoOfTheThreeAdministratorRoles() {
		assertThat(Role.breaksSeparationOfDuties(EnumSet.of(Role.PLATFORM_ADMIN, Role.AUDITOR))).isTrue();
		assertThat(Role.breaksSeparationOfDuties(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDITOR))).isTrue();
		assertThat(Role.breaksSeparationOfDuties(EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN))).isTrue();
		assertThat(Role.breaksSeparationOfDuties(EnumSet.of(Role.PLATFORM_ADMIN, Role.STREET_OFFICER))).isFalse();
	}

	@Test
	void residentsAreNotStaffAndNeedNoSecondFactor() {
		assertThat(Role.anyStaff(EnumSet.of(Role.RESIDENT))).isFalse();
		assertThat(Role.anyStaff(EnumSet.of(Role.RESIDENT, Role.COMMITTEE_MEMBER))).isTrue();
		assertThat(Role.RESIDENT.requiresSecondFactor()).isFalse();
		assertThat(Role.TECHNICIAN.requiresSecondFactor()).isTrue();
	}

}
