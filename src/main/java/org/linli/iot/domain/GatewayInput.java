package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/** The gateway's path without the broker: judge and store one message (demo seeding, in-process simulator). */
@Component
public class GatewayInput {

	private final EventValidator validator;

	private final EventIngestor ingestor;

	private final Clock clock;

	GatewayInput(EventValidator validator, EventIngestor ingestor, Clock clock) {
		this.validator = validator;
		this.ingestor = ingestor;
		this.clock = clock;
	}

	public boolean receive(String topic, String json) {
		EventValidator.Verdict verdict = this.validator.judge(topic, json.getBytes(StandardCharsets.UTF_8),
				this.clock.instant());
		if (!verdict.accepted()) {
			return false;
		}
		this.ingestor.ingest(List.of(verdict));
		return true;
	}

}
