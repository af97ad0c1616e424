package org.linli.iot.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.linli.iot.DeviceType;

/**
 * The device simulator's script (docs/devices.md): which device says what, message by message. The {@code DEMO} mix
 * is a compound's ordinary day (mostly door and gate passages, heartbeats from every device) with an incident every
 * so often: a water leak, then smoke, each cleared by its device a little later. The {@code ACCESS} mix is door and
 * gate passages only (the ingestion benchmark). Event ids are {@code sim-<runId>-<n>}, unique per run.
 */
public final class Traffic {

	/** What kind of traffic to play. */
	public enum Mix {

		DEMO, ACCESS

	}

	/** A device taking part, with the password it logs in with. */
	public record SimDevice(String id, DeviceType type, String password) {

		boolean opensDoors() {
			return this.type == DeviceType.DOOR_STATION || this.type == DeviceType.BARRIER_GATE;
		}

	}

	/** One message to publish: the device and its JSON payload. */
	public record Message(SimDevice device, String eventId, String type, String json) {
	}

	/** How long an incident lasts before its device reports it cleared. */
	static final Duration INCIDENT_LENGTH = Duration.ofSeconds(10);

	private static final String[] CREDENTIALS = { "CARD", "CARD", "CARD", "FACE", "FACE", "QR", "PIN" };

	private final List<SimDevice> devices;

	private final List<SimDevice> doors;

	private final SimDevice leakSensor;

	private final SimDevice smokeDetector;

	private final Mix mix;

	private final Duration incidentEvery;

	private final String runId;

	private final SplittableRandom random;

	private long sequence;

	private int incidents;

	/** The incident waiting for its "cleared" report, and when that is due. */
	private Message openIncident;

	private Duration clearAt;

	public Traffic(List<SimDevice> devices, Mix mix, Duration incidentEvery, String runId, long seed) {
		this.devices = List.copyOf(devices);
		this.doors = devices.stream().filter(SimDevice::opensDoors).toList();
		this.leakSensor = devices.stream().filter(d -> d.type() == DeviceType.WATER_LEAK_SENSOR).findFirst()
			.orElse(null);
		this.smokeDetector = devices.stream().filter(d -> d.type() == DeviceType.SMOKE_DETECTOR).findFirst()
			.orElse(null);
		if (this.devices.isEmpty() || (mix == Mix.ACCESS && this.doors.isEmpty())) {
			throw new IllegalArgumentException(mix == Mix.ACCESS ? "the access mix needs a door station or gate"
					: "no devices to simulate");
		}
		this.mix = mix;
		this.incidentEvery = mix == Mix.DEMO ? incidentEvery : null;
		this.runId = runId;
		this.random = new SplittableRandom(seed);
	}

	/** The messages due now, {@code elapsed} into the run: one ordinary message, and an incident or its end. */
	public List<Message> next(Duration elapsed, OffsetDateTime now) {
		List<Message> due = new ArrayList<>(2);
		if (this.openIncident != null && elapsed.compareTo(this.clearAt) >= 0) {
			due.add(message(this.openIncident.device(), this.openIncident.type(), now, ",\"state\":\"CLEARED\""));
			this.openIncident = null;
		}
		else if (this.openIncident == null && this.incidentEvery != null
				&& elapsed.compareTo(this.incidentEvery.multipliedBy(this.incidents + 1L)) >= 0) {
			Message incident = incident(now);
			if (incident != null) {
				due.add(incident);
				this.openIncident = incident;
				this.clearAt = elapsed.plus(INCIDENT_LENGTH);
			}
			this.incidents++;
		}
		due.add(ordinary(now));
		return due;
	}

	/** How many incidents were started. */
	public int incidents() {
		return this.incidents;
	}

	/** Alternately a water leak (long enough to raise an alarm) and smoke, from the first device of that type. */
	private Message incident(OffsetDateTime now) {
		boolean leak = this.incidents % 2 == 0;
		SimDevice device = leak ? this.leakSensor : this.smokeDetector;
		if (device == null) {
			device = leak ? this.smokeDetector : this.leakSensor;
			leak = !leak;
		}
		if (device == null) {
			return null;
		}
		return leak ? message(device, "WATER_LEAK", now, ",\"durationSeconds\":" + (45 + this.random.nextInt(60)))
				: message(device, "SMOKE", now, ",\"level\":" + (1 + this.random.nextInt(3)));
	}

	private Message ordinary(OffsetDateTime now) {
		if (this.mix == Mix.ACCESS) {
			return access(this.doors.get((int) (this.sequence % this.doors.size())), now);
		}
		if (this.doors.isEmpty() || this.random.nextInt(100) < 30) {
			SimDevice device = this.devices.get((int) (this.sequence % this.devices.size()));
			return message(device, "HEARTBEAT", now,
					",\"battery\":" + (60 + this.random.nextInt(41)) + ",\"signal\":" + (-90 + this.random.nextInt(40)));
		}
		return access(this.doors.get(this.random.nextInt(this.doors.size())), now);
	}

	private Message access(SimDevice door, OffsetDateTime now) {
		String credential = CREDENTIALS[this.random.nextInt(CREDENTIALS.length)];
		String direction = this.random.nextBoolean() ? "IN" : "OUT";
		String result = this.random.nextInt(100) < 96 ? "GRANTED" : "DENIED";
		return message(door, "ACCESS", now, ",\"credential\":\"" + credential + "\",\"direction\":\"" + direction
				+ "\",\"result\":\"" + result + "\"");
	}

	private Message message(SimDevice device, String type, OffsetDateTime now, String extra) {
		String eventId = "sim-" + this.runId + "-" + (this.sequence++);
		String json = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
				+ now.truncatedTo(ChronoUnit.MILLIS) + "\"" + extra + "}";
		return new Message(device, eventId, type, json);
	}

}
