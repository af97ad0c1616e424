package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;

import org.linli.iot.DeviceEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Judges one MQTT message: size, topic, device identity (the topic's device exists in the topic's community), schema
 * ({@code eventId}, {@code type}, {@code occurredAt}) and time sanity (not too far in the future, not too old).
 */
@Component
class EventValidator {

	/** Why a message was refused; kept in iot.rejected_message. */
	enum Reason {

		TOO_LARGE, BAD_TOPIC, UNKNOWN_DEVICE, WRONG_COMMUNITY, MALFORMED, BAD_EVENT_ID, BAD_TYPE, BAD_TIME, FUTURE_TIME,
		TOO_OLD

	}

	/**
	 * The verdict: an accepted event (with its device and the payload as text, which the database reads again; a
	 * value it cannot hold is refused there, see {@link EventIngestor#store}) or a reason.
	 */
	record Verdict(DeviceEvent event, Device device, String json, Reason reason) {

		boolean accepted() {
			return this.reason == null;
		}

		static Verdict refused(Reason reason) {
			return new Verdict(null, null, null, reason);
		}

	}

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** Resolved once: resolving the map type on every message was a third of the parse. */
	private static final ObjectReader READER = JSON.readerFor(MAP);

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z_]{1,31}");

	private final DeviceDirectory devices;

	private final IotSettings settings;

	EventValidator(DeviceDirectory devices, IotSettings settings) {
		this.devices = devices;
		this.settings = settings;
	}

	Verdict judge(String topic, byte[] payload, Instant receivedAt) {
		if (payload.length > this.settings.gateway().maxPayloadBytes()) {
			return refuse(Reason.TOO_LARGE);
		}
		String[] address = Topics.parseEvents(topic);
		if (address == null) {
			return refuse(Reason.BAD_TOPIC);
		}
		Device device = this.devices.identity(address[1]).orElse(null);
		if (device == null) {
			return refuse(Reason.UNKNOWN_DEVICE);
		}
		if (!device.communityCode().equals(address[0])) {
			return refuse(Reason.WRONG_COMMUNITY);
		}
		Map<String, Object> fields;
		try {
			// straight into a map: one parse, no tree (the gateway's hottest path)
			fields = READER.readValue(payload);
		}
		catch (JacksonException ex) {
			return refuse(Reason.MALFORMED);
		}
		if (fields == null || hasNul(payload)) {
			// jsonb refuses an escaped NUL character: storing it would fail the whole batch, again and again
			return refuse(Reason.MALFORMED);
		}
		String eventId = text(fields, "eventId");
		if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
			return refuse(Reason.BAD_EVENT_ID);
		}
		String type = text(fields, "type");
		if (type == null || !TYPE.matcher(type).matches()) {
			return refuse(Reason.BAD_TYPE);
		}
		OffsetDateTime occurredAt;
		try {
			String time = text(fields, "occurredAt");
			if (time == null) {
				return refuse(Reason.BAD_TIME);
			}
			occurredAt = EventTimes.parse(time);
		}
		catch (DateTimeException ex) {
			return refuse(Reason.BAD_TIME);
		}
		if (occurredAt.toInstant().isAfter(receivedAt.plus(this.settings.gateway().maxClockSkew()))) {
			return refuse(Reason.FUTURE_TIME);
		}
		if (occurredAt.toInstant().isBefore(receivedAt.minus(this.settings.gateway().maxAge()))) {
			return refuse(Reason.TOO_OLD);
		}
		DeviceEvent event = new DeviceEvent(device.communityId(), device.id(), device.type(), eventId, type,
				occurredAt, java.util.Collections.unmodifiableMap(fields));
		return new Verdict(event, device, new String(payload, StandardCharsets.UTF_8), null);
	}

	private static String text(Map<String, Object> fields, String field) {
		return fields.get(field) instanceof String value ? value : null;
	}

	/** Whether the JSON text escapes a NUL character (backslash, u, four zeros), which jsonb cannot hold. */
	static boolean hasNul(byte[] json) {
		for (int i = 0; i + 5 < json.length; i++) {
			if (json[i] == '\\' && (json[i + 1] == 'u' || json[i + 1] == 'U') && json[i + 2] == '0'
					&& json[i + 3] == '0' && json[i + 4] == '0' && json[i + 5] == '0') {
				return true;
			}
		}
		return false;
	}

	private static Verdict refuse(Reason reason) {
		return Verdict.refused(reason);
	}

}
