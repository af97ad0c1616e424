package org.linli.iot.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.linli.iot.AlarmCleared;
import org.linli.iot.AlarmEscalated;
import org.linli.iot.AlarmRaised;
import org.linli.iot.DeviceEvent;
import org.linli.shared.photo.PhotoCheck;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarm rules and the alarm lifecycle: ACTIVE or CLEARED, acknowledged or not. One active alarm per device and type
 * (a partial unique index): a repeat raises its count and last time instead of a new alarm, so a chattering sensor
 * never floods the guard room.
 */
@Service
public class AlarmService {

	public static final String DEVICE_OFFLINE = "DEVICE_OFFLINE";

	/** A rule: which device and event type raise an alarm of which severity, and under which conditions. */
	record Rule(String deviceType, String eventType, String severity, int minDurationSeconds, int repeatCount,
			int repeatWindowSeconds) {
	}

	/** An alarm as lists and the board show it; the first seven fields are API.md's. */
	public record AlarmView(UUID id, String deviceId, String type, String severity, String state,
			OffsetDateTime raisedAt, boolean acknowledged, OffsetDateTime lastAt, int count, String deviceName,
			String location, String snapshot, String assignee, OffsetDateTime acknowledgedAt, String acknowledgedBy,
			OffsetDateTime escalatedAt, OffsetDateTime clearedAt) {
	}

	/**
	 * One handling entry (处置记录): what was done, by whom and when; {@code photos} are the free-text photo references
	 * of the first API version, {@code photoFiles} the photos stored with the entry.
	 */
	public record Handling(String note, String photos, String handledBy, OffsetDateTime handledAt, UUID id,
			List<PhotoFile> photoFiles) {
	}

	/** A stored handling photo, without its bytes; {@code sha256} proves the bytes unchanged. */
	public record PhotoFile(UUID id, String contentType, int sizeBytes, String sha256) {
	}

	/** A stored handling photo with its bytes, to serve. */
	public record Photo(UUID id, UUID alarmId, String contentType, String sha256, byte[] data) {
	}

	/** Photos per handling entry and bytes per photo (the same caps as work-order photos). */
	public static final int MAX_PHOTOS = 9;

	public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

	/** Figures: alarms by type and the time staff took to acknowledge (seconds). */
	public record Figures(Map<String, Long> byType, long acknowledged, Double averageAckSeconds,
			Double p90AckSeconds) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final IotSettings settings;

	private final Clock clock;

	private final Map<String, Rule> rules = new ConcurrentHashMap<>();

	AlarmService(JdbcClient jdbc, ApplicationEventPublisher events, IotSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** Applies the rules to a batch of new (never seen) events, inside the gateway's transaction. */
	void apply(List<DeviceEvent> batch, Map<String, Device> devices) {
		for (DeviceEvent event : batch) {
			Device device = devices.get(event.deviceId());
			String alarmType = alarmType(event);
			String state = event.text("state");
			if ("CLEARED".equals(state) || "NORMAL".equals(state)) {
				clearActive(device, alarmType, event.occurredAt().toInstant(), "device");
				continue;
			}
			Rule rule = rule(device.type().name(), alarmType);
			if (rule == null || !conditionsMet(rule, event)) {
				continue;
			}
			raise(device, alarmType, rule.severity(), event.occurredAt().toInstant(), event.text("snapshot"));
		}
	}

	/** ELEVATOR_FAULT with fault ENTRAPMENT is the critical ELEVATOR_ENTRAPMENT (困人). */
	static String alarmType(DeviceEvent event) {
		if ("ELEVATOR_FAULT".equals(event.type()) && "ENTRAPMENT".equals(event.text("fault"))) {
			return "ELEVATOR_ENTRAPMENT";
		}
		return event.type();
	}

	private boolean conditionsMet(Rule rule, DeviceEvent event) {
		if (rule.minDurationSeconds() > 0) {
			Object duration = event.payload().get("durationSeconds");
			if (!(duration instanceof Number number) || number.longValue() < rule.minDurationSeconds()) {
				return false;
			}
		}
		if (rule.repeatCount() > 1) {
			long seen = this.jdbc.sql("""
					select count(*) from iot.device_event
					 where community_id = :c and device_id = :d and type = :t and occurred_at >= :since
					""").param("c", event.communityId()).param("d", event.deviceId()).param("t", event.type())
				.param("since", Timestamp.from(event.occurredAt().toInstant().minusSeconds(rule.repeatWindowSeconds())))
				.query(Long.class).single();
			return seen >= rule.repeatCount();
		}
		return true;
	}

	/** Raises the alarm or, when one is active for the device and type, counts the repeat. */
	UUID raise(Device device, String type, String severity, Instant at, String snapshot) {
		UUID id = UUID.randomUUID();
		Map<String, Object> row = this.jdbc.sql("""
				insert into iot.alarm (id, community_id, device_id, type, severity, state, raised_at, last_at, snapshot)
				values (:id, :c, :d, :t, :s, 'ACTIVE', :at, :at, :snap)
				on conflict (community_id, device_id, type) where state = 'ACTIVE'
				do update set count = iot.alarm.count + 1, last_at = greatest(iot.alarm.last_at, excluded.last_at),
				              snapshot = coalesce(excluded.snapshot, iot.alarm.snapshot), version = iot.alarm.version + 1
				returning id, (xmax = 0) as inserted
				""").param("id", id).param("c", device.communityId()).param("d", device.id()).param("t", type)
			.param("s", severity).param("at", Timestamp.from(at)).param("snap", snapshot).query().singleRow();
		UUID alarmId = (UUID) row.get("id");
		if (Boolean.TRUE.equals(row.get("inserted"))) {
			String assignee = assign(device.communityId(), alarmId);
			this.events.publishEvent(new AlarmRaised(device.communityId(), alarmId, device.id(), device.name(),
					device.where(), type, severity, at, assignee, snapshot));
		}
		return alarmId;
	}

	void raiseOffline(Device device, Instant now) {
		raise(device, DEVICE_OFFLINE, "MINOR", now, null);
	}

	/** A device is heard again: its offline alarm clears. */
	void backOnline(Collection<Device> devices, Instant now) {
		for (Device device : devices) {
			clearActive(device, DEVICE_OFFLINE, now, "device");
		}
	}

	private void clearActive(Device device, String type, Instant at, String by) {
		this.jdbc.sql("""
				update iot.alarm set state = 'CLEARED', cleared_at = :at, version = version + 1
				 where community_id = :c and device_id = :d and type = :t and state = 'ACTIVE' returning id
				""").param("at", Timestamp.from(at)).param("c", device.communityId()).param("d", device.id())
			.param("t", type).query(UUID.class).optional()
			.ifPresent(id -> this.events.publishEvent(new AlarmCleared(device.communityId(), id, device.id(), type, at)));
	}

	/** The on-duty staff member with the fewest active alarms takes the new one. */
	private String assign(UUID communityId, UUID alarmId) {
		Optional<String> who = this.jdbc.sql("""
				select d.username from iot.duty d
				 where d.community_id = :c
				 order by (select count(*) from iot.alarm a where a.community_id = d.community_id
				             and a.assignee = d.username and a.state = 'ACTIVE'), d.username
				 limit 1
				""").param("c", communityId).query(String.class).optional();
		who.ifPresent(username -> this.jdbc.sql("update iot.alarm set assignee = :u where id = :id")
			.param("u", username).param("id", alarmId).update());
		return who.orElse(null);
	}

	@Transactional
	public void acknowledge(UUID communityId, UUID alarmId, String by) {
		AlarmView alarm = find(communityId, alarmId);
		if (alarm.acknowledged()) {
			throw DomainException.conflict("iot.alarm.alreadyAcknowledged");
		}
		this.jdbc.sql("""
				update iot.alarm set acknowledged = true, acknowledged_at = :at, acknowledged_by = :by,
				       assignee = coalesce(assignee, :by), version = version + 1
				 where community_id = :c and id = :id and not acknowledged
				""").param("at", Timestamp.from(this.clock.instant())).param("by", by).param("c", communityId)
			.param("id", alarmId).update();
	}

	/** Staff clear an alarm once handled; an unacknowledged alarm is acknowledged by the same act. */
	@Transactional
	public void clear(UUID communityId, UUID alarmId, String by) {
		AlarmView alarm = find(communityId, alarmId);
		if (!"ACTIVE".equals(alarm.state())) {
			throw DomainException.conflict("iot.alarm.notActive");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update iot.alarm set state = 'CLEARED', cleared_at = :at, acknowledged = true,
				       acknowledged_at = coalesce(acknowledged_at, :at), acknowledged_by = coalesce(acknowledged_by, :by),
				       version = version + 1
				 where community_id = :c and id = :id and state = 'ACTIVE'
				""").param("at", Timestamp.from(now)).param("by", by).param("c", communityId).param("id", alarmId)
			.update();
		this.events.publishEvent(new AlarmCleared(communityId, alarmId, alarm.deviceId(), alarm.type(), now));
	}

	/** What was done about the alarm, with photo references (处置记录). */
	@Transactional
	public void handle(UUID communityId, UUID alarmId, String note, String photos, String by) {
		record(communityId, alarmId, note, photos, List.of(), by);
	}

	/**
	 * Adds a handling entry with up to {@value #MAX_PHOTOS} photos (type judged from the bytes, each up to 5 MB, kept
	 * with their SHA-256). Every bad field is reported at once; nothing is written unless all is well.
	 */
	@Transactional
	public UUID record(UUID communityId, UUID alarmId, String note, String photoRefs, List<byte[]> photos,
			String by) {
		find(communityId, alarmId);
		Violations violations = new Violations();
		violations.require(note != null && !note.isBlank() && note.trim().length() <= 1000, "note",
				"iot.alarm.note.invalid");
		violations.require(photoRefs == null || photoRefs.length() <= 1000, "photos", "iot.alarm.photos.invalid");
		List<byte[]> checked = List.of();
		try {
			checked = PhotoCheck.check(photos, 0, MAX_PHOTOS, MAX_PHOTO_BYTES, "iot.alarm.photos");
		}
		catch (DomainException ex) {
			ex.violations().forEach(v -> violations.add(v.field(), v.code(), v.args()));
		}
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into iot.alarm_handling (id, community_id, alarm_id, note, photos, handled_by, handled_at)
				values (:id, :c, :a, :n, :p, :by, :at)
				""").param("id", id).param("c", communityId).param("a", alarmId).param("n", note.trim())
			.param("p", photoRefs == null || photoRefs.isBlank() ? null : photoRefs.trim()).param("by", by)
			.param("at", now).update();
		for (int position = 0; position < checked.size(); position++) {
			byte[] photo = checked.get(position);
			this.jdbc.sql("""
					insert into iot.alarm_photo (id, community_id, alarm_id, handling_id, position, content_type,
					                             size_bytes, sha256, data, uploaded_by, uploaded_at)
					values (:id, :c, :a, :h, :pos, :t, :size, :sha, :data, :by, :at)
					""").param("id", UUID.randomUUID()).param("c", communityId).param("a", alarmId).param("h", id)
				.param("pos", position)
				.param("t", PhotoCheck.sniff(photo)).param("size", photo.length).param("sha", PhotoCheck.sha256(photo))
				.param("data", photo).param("by", by).param("at", now).update();
		}
		return id;
	}

	/** The alarm's handling entries, oldest first (the timeline), each with its photos. */
	public List<Handling> handlings(UUID communityId, UUID alarmId) {
		Map<UUID, List<PhotoFile>> photos = new java.util.HashMap<>();
		this.jdbc.sql("""
				select handling_id, id, content_type, size_bytes, sha256 from iot.alarm_photo
				 where community_id = :c and alarm_id = :a order by uploaded_at, position
				""").param("c", communityId).param("a", alarmId)
			.query((rs, n) -> photos.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new PhotoFile(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5))))
			.list();
		return this.jdbc.sql("""
				select id, note, photos, handled_by, handled_at from iot.alarm_handling
				 where community_id = :c and alarm_id = :a order by handled_at, id
				""").param("c", communityId).param("a", alarmId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Handling(rs.getString("note"), rs.getString("photos"), rs.getString("handled_by"),
						time(rs, "handled_at"), id, List.copyOf(photos.getOrDefault(id, List.of())));
			})
			.list();
	}

	/** One handling photo of the community's alarm, or 404. */
	public Photo photo(UUID communityId, UUID alarmId, UUID photoId) {
		return this.jdbc.sql("""
				select id, alarm_id, content_type, sha256, data from iot.alarm_photo
				 where community_id = :c and alarm_id = :a and id = :id
				""").param("c", communityId).param("a", alarmId).param("id", photoId)
			.query((rs, n) -> new Photo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getBytes(5)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("iot.alarm.photo.notFound"));
	}

	/** Alarms nobody acknowledged within the setting are escalated once. */
	@Scheduled(fixedDelayString = "${linli.iot.offline-check:30s}", initialDelayString = "${linli.iot.offline-check:30s}")
	public void escalateOverdue() {
		escalateAt(this.clock.instant(), null);
	}

	/** Escalates the overdue alarms of one community (or of all when null) as of {@code now}. */
	@Transactional
	public int escalateAt(Instant now, UUID communityId) {
		List<AlarmEscalated> escalated = this.jdbc.sql("""
				update iot.alarm set escalated_at = :now, version = version + 1
				 where state = 'ACTIVE' and not acknowledged and escalated_at is null and raised_at < :limit
				   and (cast(:c as uuid) is null or community_id = :c)
				returning community_id, id, device_id, type, severity, raised_at, assignee
				""").param("now", Timestamp.from(now)).param("c", communityId).param("limit", Timestamp.from(now.minus(this.settings.escalateAfter())))
			.query((rs, n) -> new AlarmEscalated(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), now,
					rs.getString(7)))
			.list();
		escalated.forEach(this.events::publishEvent);
		return escalated.size();
	}

	public AlarmView find(UUID communityId, UUID alarmId) {
		return this.jdbc.sql(SELECT + " where a.community_id = :c and a.id = :id").param("c", communityId)
			.param("id", alarmId).query(this::row).optional()
			.orElseThrow(() -> DomainException.notFound("iot.alarm.notFound"));
	}

	public List<AlarmView> list(UUID communityId, String state, int limit, long offset) {
		return this.jdbc.sql(SELECT + """
				 where a.community_id = :c and (cast(:s as varchar) is null or a.state = :s)
				 order by case a.severity when 'CRITICAL' then 0 when 'MAJOR' then 1 else 2 end, a.raised_at desc
				 limit :l offset :o
				""").param("c", communityId).param("s", state).param("l", limit).param("o", offset).query(this::row)
			.list();
	}

	public long count(UUID communityId, String state) {
		return this.jdbc.sql("""
				select count(*) from iot.alarm where community_id = :c and (cast(:s as varchar) is null or state = :s)
				""").param("c", communityId).param("s", state).query(Long.class).single();
	}

	public Figures figures(UUID communityId, Instant since) {
		Map<String, Long> byType = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select type, count(*) from iot.alarm where community_id = :c and raised_at >= :since
				 group by type order by count(*) desc, type
				""").param("c", communityId).param("since", Timestamp.from(since))
			.query((rs, n) -> byType.put(rs.getString(1), rs.getLong(2))).list();
		Map<String, Object> ack = this.jdbc.sql("""
				select count(*) as n,
				       avg(extract(epoch from acknowledged_at - raised_at)) as average,
				       percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - raised_at)) as p90
				  from iot.alarm where community_id = :c and raised_at >= :since and acknowledged_at is not null
				""").param("c", communityId).param("since", Timestamp.from(since)).query().singleRow();
		return new Figures(byType, ((Number) ack.get("n")).longValue(), number(ack.get("average")),
				number(ack.get("p90")));
	}

	@Transactional
	public void goOnDuty(UUID communityId, String username) {
		this.jdbc.sql("""
				insert into iot.duty (community_id, username, since) values (:c, :u, :at) on conflict do nothing
				""").param("c", communityId).param("u", username).param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	@Transactional
	public void goOffDuty(UUID communityId, String username) {
		this.jdbc.sql("delete from iot.duty where community_id = :c and username = :u").param("c", communityId)
			.param("u", username).update();
	}

	public List<String> onDuty(UUID communityId) {
		return this.jdbc.sql("select username from iot.duty where community_id = :c order by username")
			.param("c", communityId).query(String.class).list();
	}

	private Rule rule(String deviceType, String eventType) {
		if (this.rules.isEmpty()) {
			this.jdbc.sql("select * from iot.alarm_rule").query((rs, n) -> new Rule(rs.getString("device_type"),
					rs.getString("event_type"), rs.getString("severity"), rs.getInt("min_duration_seconds"),
					rs.getInt("repeat_count"), rs.getInt("repeat_window_seconds")))
				.list().forEach(r -> this.rules.put(r.deviceType() + "/" + r.eventType(), r));
		}
		return this.rules.get(deviceType + "/" + eventType);
	}

	private static final String SELECT = """
			select a.*, d.name as device_name, d.building, d.unit, d.location
			  from iot.alarm a join iot.device d on d.id = a.device_id
			""";

	private AlarmView row(ResultSet rs, int n) throws SQLException {
		String where = new Device(null, null, null, null, null, rs.getString("building"), rs.getString("unit"), null,
				rs.getString("location"), null, false, null).where();
		return new AlarmView(rs.getObject("id", UUID.class), rs.getString("device_id"), rs.getString("type"),
				rs.getString("severity"), rs.getString("state"), time(rs, "raised_at"), rs.getBoolean("acknowledged"),
				time(rs, "last_at"), rs.getInt("count"), rs.getString("device_name"), where, rs.getString("snapshot"),
				rs.getString("assignee"), time(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
				time(rs, "escalated_at"), time(rs, "cleared_at"));
	}

	private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : OffsetDateTime.ofInstant(value.toInstant(), this.clock.getZone());
	}

	private static Double number(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	List<Rule> rules() {
		rule("", "");
		return new ArrayList<>(this.rules.values());
	}

}
