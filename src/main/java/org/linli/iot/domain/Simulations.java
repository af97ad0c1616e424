package org.linli.iot.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.linli.shared.DemoMode;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The demo console's device simulator: a short run of a compound's own devices (logging in with the demo password)
 * through the gateway's broker, one run at a time, only in demo mode.
 */
@Service
public class Simulations {

	public static final int MAX_RATE = 200;

	public static final int MAX_SECONDS = 300;

	private static final Logger log = LoggerFactory.getLogger(Simulations.class);

	/** The current or last run, for the page. */
	public record Run(String runId, UUID communityId, String startedBy, Instant startedAt, int rate, int seconds,
			DeviceSimulator.Stats stats, String error) {
	}

	private final DemoMode demoMode;

	private final DeviceDirectory devices;

	private final MqttGateway gateway;

	private final Clock clock;

	private volatile DeviceSimulator current;

	private volatile Run last;

	Simulations(DemoMode demoMode, DeviceDirectory devices, MqttGateway gateway, Clock clock) {
		this.demoMode = demoMode;
		this.devices = devices;
		this.gateway = gateway;
		this.clock = clock;
	}

	public boolean available() {
		return this.demoMode.enabled();
	}

	/** Starts a run of the community's devices; field errors for a rate or duration out of bounds. */
	public synchronized Run start(UUID communityId, Integer rate, Integer seconds, boolean incidents, String by) {
		if (!available()) {
			throw DomainException.notFound("iot.simulator.demoOnly");
		}
		Violations violations = new Violations();
		violations.require(rate != null && rate >= 1 && rate <= MAX_RATE, "rate", "iot.simulator.rate.invalid",
				MAX_RATE);
		violations.require(seconds != null && seconds >= 1 && seconds <= MAX_SECONDS, "seconds",
				"iot.simulator.seconds.invalid", MAX_SECONDS);
		violations.throwIfAny();
		if (this.current != null && this.current.stats().running()) {
			throw DomainException.conflict("iot.simulator.running.conflict");
		}
		List<Device> compound = this.devices.list(communityId, null, 1000, 0);
		if (compound.isEmpty()) {
			throw DomainException.conflict("iot.simulator.noDevices");
		}
		List<Traffic.SimDevice> players = compound.stream()
			.map(d -> new Traffic.SimDevice(d.id(), d.type(), DemoMode.DEMO_PASSWORD))
			.toList();
		String runId = UUID.randomUUID().toString().substring(0, 8);
		DeviceSimulator simulator = new DeviceSimulator(new DeviceSimulator.Plan(this.gateway.brokerUrl(),
				compound.getFirst().communityCode(), players, rate, Duration.ofSeconds(seconds), Traffic.Mix.DEMO,
				incidents ? Duration.ofSeconds(Math.max(2, seconds / 3)) : null, runId, 50), this.clock);
		this.current = simulator;
		Run run = new Run(runId, communityId, by, this.clock.instant(), rate, seconds, simulator.stats(), null);
		this.last = run;
		Thread.ofVirtual().name("device-simulator-" + runId).start(() -> {
			String error = null;
			try {
				simulator.run();
			}
			catch (MqttException | RuntimeException ex) {
				error = ex.getMessage();
				log.warn("Device simulation {} ended early: {}", runId, ex.getMessage());
			}
			finished(run, simulator, error);
		});
		return run;
	}

	private synchronized void finished(Run run, DeviceSimulator simulator, String error) {
		this.last = new Run(run.runId(), run.communityId(), run.startedBy(), run.startedAt(), run.rate(),
				run.seconds(), simulator.stats(), error);
	}

	/** Ends the community's current run early. */
	public void stop(UUID communityId) {
		DeviceSimulator simulator = this.current;
		Run run = this.last;
		if (simulator != null && run != null && run.communityId().equals(communityId)) {
			simulator.stop();
		}
	}

	/** The current or last run of this community, with fresh counts; null when there was none. */
	public Run status(UUID communityId) {
		Run run = this.last;
		if (run == null || !run.communityId().equals(communityId)) {
			return null;
		}
		DeviceSimulator simulator = this.current;
		if (run.error() == null && simulator != null && simulator.plan().runId().equals(run.runId())) {
			return new Run(run.runId(), run.communityId(), run.startedBy(), run.startedAt(), run.rate(), run.seconds(),
					simulator.stats(), run.error());
		}
		return run;
	}

}
