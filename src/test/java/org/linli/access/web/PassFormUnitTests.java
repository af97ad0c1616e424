package org.linli.access.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassFormUnitTests {

	@Test
	void aDatetimeLocalValueIsReadInTheCompoundsZone() {
		assertThat(AccessPagesController.instant("2026-11-28T14:00")).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
	}

	@Test
	void anEmptyOrUnreadableTimeIsMissingSoTheFormNamesThatField() {
		assertThat(AccessPagesController.instant(null)).isNull();
		assertThat(AccessPagesController.instant(" ")).isNull();
		assertThat(AccessPagesController.instant("tomorrow")).isNull();
	}

}
