package org.linli.identity;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommunityAccessUnitTests {

	private static final UUID HOME = UUID.randomUUID();

	private static final UUID ELSEWHERE = UUID.randomUUID();

	private static CurrentUser user(Role role) {
		return new CurrentUser(UUID.randomUUID(), "u", null, "u", Set.of(role), Set.of(HOME), null, true, false);
	}

	@Test
	void staffActOnlyInTheCommunitiesAssignedToThem() {
		assertThat(CommunityAccess.allows(user(Role.PROPERTY_MANAGER), HOME)).isTrue();
		assertThat(CommunityAccess.allows(user(Role.PROPERTY_MANAGER), ELSEWHERE)).isFalse();
		assertThat(CommunityAccess.allows(user(Role.STREET_OFFICER), ELSEWHERE)).isFalse();
		assertThat(CommunityAccess.allows(user(Role.AUDITOR), ELSEWHERE)).isFalse();
	}

	@Test
	void thePlatformAdministratorServesEveryCommunity() {
		assertThat(CommunityAccess.allows(user(Role.PLATFORM_ADMIN), ELSEWHERE)).isTrue();
	}

}
