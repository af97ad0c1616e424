package org.linli.access.domain;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.iot.DeviceEvent;
import org.linli.iot.DeviceEventHandler;
import org.linli.registry.RegistryApi;
import org.linli.shared.person.Masking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access events from door stations and barrier gates ({@code ACCESS} messages, docs/devices.md), written in batches
 * inside the gateway's transaction; kept for the retention setting ({@code linli.access.event-retention}, 180 days),
 * then purged. Residents see their own; staff search by door and time, with names masked.
 */
@Service
public class AccessEvents implements DeviceEventHandler {

	private static final Set<String> KINDS = Set.of("FACE", "CARD", "QR", "PIN");

	public record AccessEventView(String deviceId, String person, String credentialKind, String direction,
			String result, OffsetDateTime occurredAt) {
	}

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final QrSigner signer;

	private final RegistryApi registry;

	private final Clock clock;

	private final Duration retention;

	AccessEvents(JdbcTemplate jdbcTemplate, JdbcClient jdbc, QrSigner signer, RegistryApi registry, Clock clock,
			@Value("${linli.access.event-retention:180d}") Duration retention) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.signer = signer;
		this.registry = registry;
		this.clock = clock;
		this.retention = retention;
	}

	@Override
	public String eventType() {
		return "ACCESS";
	}

	@Override
	public void handle(List<DeviceEvent> events) {
		Map<String, UUID> owners = credentialOwners(events);
		int n = events.size();
		Object[] communities = new Object[n];
		String[] devices = new String[n];
		String[] ids = new String[n];
		Object[] persons = new Object[n];
		Object[] passes = new Object[n];
		String[] kinds = new String[n];
		String[] directions = new String[n];
		String[] results = new String[n];
		String[] times = new String[n];
		for (int i = 0; i < n; i++) {
			DeviceEvent event = events.get(i);
			communities[i] = event.communityId();
			devices[i] = event.deviceId();
			ids[i] = event.eventId();
			String kind = event.text("credential");
			kinds[i] = kind != null && KINDS.contains(kind) ? kind : null;
			persons[i] = event.text("credentialId") == null ? null : owners.get(event.text("credentialId"));
			passes[i] = passOf(event);
			directions[i] = "OUT".equals(event.text("direction")) ? "OUT" : "IN";
			results[i] = "DENIED".equals(event.text("result")) ? "DENIED" : "GRANTED";
			times[i] = event.occurredAt().toString();
		}
		this.jdbcTemplate.execute((ConnectionCallback<Integer>) con -> {
			try (PreparedStatement statement = con.prepareStatement("""
					insert into access.access_event (community_id, device_id, event_id, person_id, pass_id,
					                                 credential_kind, direction, result, occurred_at)
					select c, d, e, p, s, k, dir, r, o::timestamptz
					  from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[],
					              ?::varchar[], ?::text[]) as x(c, d, e, p, s, k, dir, r, o)
					on conflict do nothing
					""")) {
				statement.setArray(1, con.createArrayOf("uuid", communities));
				statement.setArray(2, con.createArrayOf("varchar", devices));
				statement.setArray(3, con.createArrayOf("varchar", ids));
				statement.setArray(4, con.createArrayOf("uuid", persons));
				statement.setArray(5, con.createArrayOf("uuid", passes));
				statement.setArray(6, con.createArrayOf("varchar", kinds));
				statement.setArray(7, con.createArrayOf("varchar", directions));
				statement.setArray(8, con.createArrayOf("varchar", results));
				statement.setArray(9, con.createArrayOf("text", times));
				return statement.executeUpdate();
			}
		});
	}

	/** A door that scanned a visitor pass sends its token; the pass's id (when genuine) joins the event. */
	private UUID passOf(DeviceEvent event) {
		String token = event.text("passToken");
		if (token == null) {
			return null;
		}
		return this.signer.verify(token)
			.filter(claims -> "P".equals(claims.kind()) && claims.communityId().equals(event.communityId()))
			.map(QrSigner.Claims::id)
			.orElse(null);
	}

	private Map<String, UUID> credentialOwners(List<DeviceEvent> events) {
		List<UUID> ids = events.stream().map(e -> e.text("credentialId")).filter(java.util.Objects::nonNull)
			.map(AccessEvents::uuidOrNull).filter(java.util.Objects::nonNull).distinct().toList();
		Map<String, UUID> owners = new HashMap<>();
		if (ids.isEmpty()) {
			return owners;
		}
		this.jdbcTemplate.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement statement = con
				.prepareStatement("select id, person_id from access.credential where id = any(?)")) {
				statement.setArray(1, con.createArrayOf("uuid", ids.toArray()));
				try (var rs = statement.executeQuery()) {
					while (rs.next()) {
						owners.put(rs.getString(1), rs.getObject(2, UUID.class));
					}
				}
			}
			return null;
		});
		return owners;
	}

	/** The person's own access events, newest first. */
	public List<AccessEventView> ofPerson(UUID communityId, UUID personId, int limit) {
		return this.jdbc.sql("""
				select * from access.access_event where community_id = :c and person_id = :p
				 order by occurred_at desc limit :l
				""").param("c", communityId).param("p", personId).param("l", limit)
			.query((rs, n) -> view(rs, null)).list();
	}

	/** Staff search by door and time; persons are masked (whereabouts are sensitive). */
	public List<AccessEventView> search(UUID communityId, String deviceId, Instant from, Instant to, int limit,
			long offset) {
		Map<UUID, String> names = new HashMap<>();
		return this.jdbc.sql("""
				select * from access.access_event
				 where community_id = :c and (cast(:d as varchar) is null or device_id = :d)
				   and occurred_at >= :from and occurred_at < :to
				 order by occurred_at desc limit :l offset :o
				""").param("c", communityId).param("d", deviceId).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to)).param("l", limit).param("o", offset)
			.query((rs, n) -> {
				UUID person = rs.getObject("person_id", UUID.class);
				String name = person == null ? null : names.computeIfAbsent(person, p -> this.registry
					.person(communityId, p).map(b -> Masking.name(b.name())).orElse(null));
				return view(rs, name);
			})
			.list();
	}

	public long count(UUID communityId, String deviceId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) from access.access_event
				 where community_id = :c and (cast(:d as varchar) is null or device_id = :d)
				   and occurred_at >= :from and occurred_at < :to
				""").param("c", communityId).param("d", deviceId).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to)).query(Long.class).single();
	}

	@Scheduled(cron = "${linli.access.purge-cron:0 40 3 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	public void purge() {
		purgeBefore(this.clock.instant().minus(this.retention));
	}

	/** Deletes access events older than the given time; returns how many. */
	@Transactional
	public int purgeBefore(Instant limit) {
		return this.jdbc.sql("delete from access.access_event where occurred_at < :limit")
			.param("limit", Timestamp.from(limit)).update();
	}

	public Duration retention() {
		return this.retention;
	}

	private AccessEventView view(java.sql.ResultSet rs, String person) throws java.sql.SQLException {
		return new AccessEventView(rs.getString("device_id"), person, rs.getString("credential_kind"),
				rs.getString("direction"), rs.getString("result"),
				OffsetDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), this.clock.getZone()));
	}

	private static UUID uuidOrNull(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
