package org.linli.workorder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SLA clock: deadlines from filing, stopped only while waiting for the resident; targets by category and level. */
class SlaClockUnitTests {

	private static final Instant FILED = Instant.parse("2026-03-02T01:00:00Z");

	private final SlaClock clock = SlaClock.startingAt(FILED, new Targets.Target(15, 240));

	@Test
	void deadlinesAreTheTargetsAfterFiling() {
		assertThat(this.clock.acknowledgeBy()).isEqualTo(FILED.plus(Duration.ofMinutes(15)));
		assertThat(this.clock.resolveBy()).isEqualTo(FILED.plus(Duration.ofHours(4)));
		assertThat(this.clock.overdue(this.clock.acknowledgeBy(), FILED.plus(Duration.ofMinutes(16))))
			.isEqualTo(Duration.ofMinutes(1));
		assertThat(this.clock.overdue(this.clock.acknowledgeBy(), FILED.plus(Duration.ofMinutes(15))))
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void waitingForTheResidentStopsTheClockAndMovesBothDeadlinesOnByTheWait() {
		SlaClock paused = this.clock.pause(FILED.plus(Duration.ofMinutes(10)));
		assertThat(paused.isPaused()).isTrue();
		// however late it is, a waiting order is never overdue
		assertThat(paused.overdue(paused.resolveBy(), FILED.plus(Duration.ofDays(3)))).isEqualTo(Duration.ZERO);
		// while waiting, deadlines shown live move on with the wait
		assertThat(paused.deadlineAt(paused.resolveBy(), FILED.plus(Duration.ofMinutes(40))))
			.isEqualTo(FILED.plus(Duration.ofMinutes(270)));
		SlaClock resumed = paused.resume(FILED.plus(Duration.ofMinutes(70)));
		assertThat(resumed.isPaused()).isFalse();
		assertThat(resumed.paused()).isEqualTo(Duration.ofHours(1));
		assertThat(resumed.acknowledgeBy()).isEqualTo(FILED.plus(Duration.ofMinutes(75)));
		assertThat(resumed.resolveBy()).isEqualTo(FILED.plus(Duration.ofHours(5)));
		// a second wait adds up; pausing twice or resuming a running clock changes nothing
		SlaClock twice = resumed.pause(FILED.plus(Duration.ofHours(2))).pause(FILED.plus(Duration.ofHours(3)))
			.resume(FILED.plus(Duration.ofMinutes(150))).resume(FILED.plus(Duration.ofHours(9)));
		assertThat(twice.paused()).isEqualTo(Duration.ofMinutes(90));
		assertThat(twice.resolveBy()).isEqualTo(FILED.plus(Duration.ofMinutes(330)));
	}

	@Test
	void aReopenedOrderGetsAFreshResolveTargetFromNow() {
		SlaClock reopened = this.clock.pause(FILED.plus(Duration.ofMinutes(30)))
			.resume(FILED.plus(Duration.ofMinutes(60)))
			.restartResolve(FILED.plus(Duration.ofHours(6)));
		assertThat(reopened.resolveBy()).isEqualTo(FILED.plus(Duration.ofHours(10)));
		assertThat(reopened.acknowledgeBy()).isEqualTo(FILED.plus(Duration.ofMinutes(45)));
	}

	@Test
	void theStricterOfCategoryAndLevelTargetsApplies() {
		Map<Level, Targets.Target> levels = Targets.DEFAULT_LEVELS;
		Targets.Target basic = new Targets.Target(15, 240);
		assertThat(Targets.effective(basic, Level.NORMAL, levels)).isEqualTo(basic);
		assertThat(Targets.effective(basic, Level.URGENT, levels)).isEqualTo(new Targets.Target(10, 120));
		assertThat(Targets.effective(basic, Level.EMERGENCY, levels)).isEqualTo(new Targets.Target(5, 60));
		// a category stricter than the level keeps its own target
		assertThat(Targets.effective(new Targets.Target(3, 30), Level.URGENT, levels))
			.isEqualTo(new Targets.Target(3, 30));
		assertThat(Targets.effective(basic, Level.URGENT, Map.of())).isEqualTo(basic);
	}

	@Test
	void defaultsFollowTheFifteenMinuteAndFourHourRule() {
		assertThat(Targets.DEFAULT_CATEGORIES).allSatisfy(c -> assertThat(c.acknowledgeMinutes()).isEqualTo(15));
		assertThat(Targets.DEFAULT_CATEGORIES.stream().filter(c -> c.code().equals("PLUMBING")).findFirst().orElseThrow()
			.resolveMinutes()).isEqualTo(240);
		assertThatThrownBy(() -> SlaClock.startingAt(FILED, new Targets.Target(0, 10)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void photosAreJudgedByTheirFirstBytes() {
		byte[] jpeg = new byte[16];
		jpeg[0] = (byte) 0xFF;
		jpeg[1] = (byte) 0xD8;
		jpeg[2] = (byte) 0xFF;
		assertThat(Photos.sniff(jpeg)).isEqualTo("image/jpeg");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };
		assertThat(Photos.sniff(png)).isEqualTo("image/png");
		assertThat(Photos.sniff("RIFF0000WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
			.isEqualTo("image/webp");
		assertThat(Photos.sniff("<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isNull();
		assertThat(Photos.sniff(new byte[3])).isNull();
	}

}
