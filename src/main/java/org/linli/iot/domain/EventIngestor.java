package org.linli.iot.domain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.linli.iot.DeviceEvent;
import org.linli.iot.DeviceEventHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of accepted events in one transaction: the inbox insert (one statement; the primary key drops
 * events already seen), the devices' last-seen time, the alarm rules and the other modules' handlers. Only after
 * this commits does the gateway acknowledge the messages to the broker.
 */
@Component
class EventIngestor {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AlarmService alarms;

	private final ObjectProvider<DeviceEventHandler> handlers;

	private final Clock clock;

	private final Timer alarmLatency;

	EventIngestor(JdbcTemplate jdbc, TransactionTemplate transactions, AlarmService alarms,
			ObjectProvider<DeviceEventHandler> handlers, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.alarms = alarms;
		this.handlers = handlers;
		this.clock = clock;
		this.alarmLatency = Timer.builder("linli.iot.alarm.latency")
			.description("From an alarm-raising event's occurredAt to the committed alarm event")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/**
	 * Stores the batch and returns the events the database refused to hold (a payload jsonb cannot read: a lone
	 * surrogate escape, a number beyond its range). Those are found by storing the events one by one after the batch
	 * was refused, so one bad message never holds back the others or stalls the writer.
	 */
	List<EventValidator.Verdict> store(List<EventValidator.Verdict> batch) {
		try {
			ingest(batch);
			return List.of();
		}
		catch (DataAccessException ex) {
			if (!refusedValue(ex)) {
				throw ex;
			}
		}
		List<EventValidator.Verdict> refused = new ArrayList<>();
		for (EventValidator.Verdict verdict : batch) {
			try {
				ingest(List.of(verdict));
			}
			catch (DataAccessException ex) {
				if (!refusedValue(ex)) {
					throw ex;
				}
				refused.add(verdict);
			}
		}
		return refused;
	}

	/** A data exception (SQLSTATE class 22): the value, not the database, is at fault. */
	private static boolean refusedValue(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	/** Stores the batch; returns the events that were new (not redeliveries). */
	List<DeviceEvent> ingest(List<EventValidator.Verdict> batch) {
		if (batch.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<DeviceEvent> fresh = this.transactions.execute(status -> store(batch, now));
		Instant committed = this.clock.instant();
		for (DeviceEvent event : fresh) {
			if (!"HEARTBEAT".equals(event.type()) && !"ACCESS".equals(event.type())) {
				this.alarmLatency.record(java.time.Duration.between(event.occurredAt().toInstant(), committed));
			}
		}
		return fresh;
	}

	private List<DeviceEvent> store(List<EventValidator.Verdict> batch, Instant now) {
		// one verdict per (device, eventId) even when the broker delivered a duplicate inside the batch
		Map<String, EventValidator.Verdict> unique = new LinkedHashMap<>();
		for (EventValidator.Verdict verdict : batch) {
			unique.putIfAbsent(verdict.device().id() + "\u0000" + verdict.event().eventId(), verdict);
		}
		List<EventValidator.Verdict> rows = new ArrayList<>(unique.values());
		Set<String> inserted = this.jdbc.execute((ConnectionCallback<Set<String>>) con -> insert(con, rows, now));
		List<DeviceEvent> fresh = new ArrayList<>();
		Map<String, Device> devices = new HashMap<>();
		for (EventValidator.Verdict verdict : rows) {
			if (inserted.contains(verdict.device().id() + "\u0000" + verdict.event().eventId())) {
				fresh.add(verdict.event());
				devices.put(verdict.device().id(), verdict.device());
			}
		}
		if (fresh.isEmpty()) {
			return fresh;
		}
		markSeen(devices, now);
		this.alarms.apply(fresh.stream().filter(e -> !"HEARTBEAT".equals(e.type()) && !"ACCESS".equals(e.type()))
			.toList(), devices);
		Map<String, List<DeviceEvent>> byType = fresh.stream().collect(Collectors.groupingBy(DeviceEvent::type));
		this.handlers.orderedStream().forEach(handler -> {
			List<DeviceEvent> events = byType.get(handler.eventType());
			if (events != null) {
				handler.handle(events);
			}
		});
		return fresh;
	}

	private static Set<String> insert(Connection con, List<EventValidator.Verdict> rows, Instant now)
			throws java.sql.SQLException {
		int n = rows.size();
		Object[] communities = new Object[n];
		String[] deviceIds = new String[n];
		String[] eventIds = new String[n];
		String[] types = new String[n];
		String[] times = new String[n];
		String[] payloads = new String[n];
		for (int i = 0; i < n; i++) {
			DeviceEvent event = rows.get(i).event();
			communities[i] = event.communityId();
			deviceIds[i] = event.deviceId();
			eventIds[i] = event.eventId();
			types[i] = event.type();
			times[i] = event.occurredAt().toString();
			payloads[i] = rows.get(i).json();
		}
		Set<String> inserted = new HashSet<>();
		try (PreparedStatement statement = con.prepareStatement("""
				insert into iot.device_event (community_id, device_id, event_id, type, occurred_at, received_at, payload)
				select c, d, e, t, o::timestamptz, ?, p::jsonb
				  from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[]) as x(c, d, e, t, o, p)
				on conflict do nothing
				returning device_id, event_id
				""")) {
			Array c = con.createArrayOf("uuid", communities);
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setArray(2, c);
			statement.setArray(3, con.createArrayOf("varchar", deviceIds));
			statement.setArray(4, con.createArrayOf("varchar", eventIds));
			statement.setArray(5, con.createArrayOf("varchar", types));
			statement.setArray(6, con.createArrayOf("text", times));
			statement.setArray(7, con.createArrayOf("text", payloads));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					inserted.add(rs.getString(1) + "\u0000" + rs.getString(2));
				}
			}
		}
		return inserted;
	}

	/** Heard devices are online; those that were offline clear their offline alarm. */
	private void markSeen(Map<String, Device> devices, Instant now) {
		String[] ids = devices.keySet().toArray(String[]::new);
		List<String> wereOffline = this.jdbc.execute((ConnectionCallback<List<String>>) con -> {
			try (PreparedStatement statement = con.prepareStatement("""
					update iot.device d set online = true, last_seen_at = ?
					  from (select id, online from iot.device where id = any(?) order by id for update) old
					 where d.id = old.id
					returning d.id, old.online
					""")) {
				statement.setTimestamp(1, Timestamp.from(now));
				statement.setArray(2, con.createArrayOf("varchar", ids));
				List<String> offline = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						if (!rs.getBoolean(2)) {
							offline.add(rs.getString(1));
						}
					}
				}
				return offline;
			}
		});
		if (!wereOffline.isEmpty()) {
			this.alarms.backOnline(wereOffline.stream().map(devices::get).toList(), now);
		}
	}

}
