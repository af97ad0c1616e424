package org.linli.iot.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Queues commands to devices in the outbox the gateway publishes from (docs/devices.md, "Commands"). */
@Component
public class DeviceCommands {

	private final JdbcClient jdbc;

	private final Clock clock;

	DeviceCommands(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public int toAllDoors(UUID communityId, Map<String, Object> command) {
		String payload = EventValidator.JSON.writeValueAsString(command);
		return this.jdbc.sql("""
				insert into iot.device_command (community_id, device_id, payload, created_at)
				select community_id, id, :p, :at from iot.device
				 where community_id = :c and type in ('DOOR_STATION', 'BARRIER_GATE') and status = 'ACTIVE'
				""").param("p", payload).param("at", Timestamp.from(this.clock.instant())).param("c", communityId)
			.update();
	}

}
