package org.linli.workorder.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of one order: targets counted from filing, stopped only while the order waits for the resident.
 * Time spent waiting moves both deadlines on by the same amount; while it waits, no deadline can pass.
 */
public record SlaClock(Instant start, Duration acknowledgeTarget, Duration resolveTarget, Duration paused,
		Instant pausedSince) {

	public SlaClock {
		if (acknowledgeTarget.isNegative() || acknowledgeTarget.isZero() || resolveTarget.isNegative()
				|| resolveTarget.isZero()) {
			throw new IllegalArgumentException("targets must be positive");
		}
	}

	public static SlaClock startingAt(Instant start, Targets.Target target) {
		return new SlaClock(start, Duration.ofMinutes(target.acknowledgeMinutes()),
				Duration.ofMinutes(target.resolveMinutes()), Duration.ZERO, null);
	}

	public boolean isPaused() {
		return this.pausedSince != null;
	}

	public SlaClock pause(Instant at) {
		if (isPaused()) {
			return this;
		}
		return new SlaClock(this.start, this.acknowledgeTarget, this.resolveTarget, this.paused, at);
	}

	public SlaClock resume(Instant at) {
		if (!isPaused()) {
			return this;
		}
		Duration waited = at.isAfter(this.pausedSince) ? Duration.between(this.pausedSince, at) : Duration.ZERO;
		return new SlaClock(this.start, this.acknowledgeTarget, this.resolveTarget, this.paused.plus(waited), null);
	}

	/** Starts the resolve target again from {@code at} (a reopened order), keeping the acknowledgement deadline. */
	public SlaClock restartResolve(Instant at) {
		Duration sinceStart = Duration.between(this.start, at).minus(this.paused);
		// whole minutes, rounded up, so the target can be stored in minutes without moving the deadline earlier
		long minutes = (sinceStart.toSeconds() + 59) / 60;
		sinceStart = Duration.ofMinutes(Math.max(minutes, 0));
		return new SlaClock(this.start, this.acknowledgeTarget, sinceStart.plus(this.resolveTarget), this.paused,
				this.pausedSince);
	}

	/** Deadlines as they stand: while paused they are shown as of the moment the wait began. */
	public Instant acknowledgeBy() {
		return this.start.plus(this.acknowledgeTarget).plus(this.paused);
	}

	public Instant resolveBy() {
		return this.start.plus(this.resolveTarget).plus(this.paused);
	}

	/** The deadline as it would stand at {@code now}: a running wait pushes it on live. */
	public Instant deadlineAt(Instant deadline, Instant now) {
		return isPaused() && now.isAfter(this.pausedSince) ? deadline.plus(Duration.between(this.pausedSince, now))
				: deadline;
	}

	/** How far past the deadline the order is at {@code now}; zero or negative when it is not late (or waiting). */
	public Duration overdue(Instant deadline, Instant now) {
		if (isPaused()) {
			return Duration.ZERO;
		}
		return Duration.between(deadline, now);
	}

}
