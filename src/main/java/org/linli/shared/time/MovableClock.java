package org.linli.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that tests may move, so deadlines and scheduled jobs can be tried without
 * waiting. Only registered when {@code linli.clock.movable=true} (the test settings); production uses the plain
 * system clock.
 */
public final class MovableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	public MovableClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private MovableClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	/** Moves time forward (or back, with a negative amount) for everyone using this clock. */
	public void advance(Duration amount) {
		this.offset.accumulateAndGet(amount, Duration::plus);
	}

	/** Back to the real time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.base.withZone(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

}
