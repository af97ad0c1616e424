package org.linli.registry.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.registry.AssetProblemReported;
import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.MobileNumber;
import org.linli.shared.person.TextNormaliser;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assets and facilities (一物一码): each gets a short random public code printed as a QR label. Anyone may scan it
 * and report a problem, limited per asset so a label cannot be used to flood the property office.
 */
@Service
public class AssetService {

	public enum Type {
		PIPE, METER, ELEVATOR, CHARGER, DOOR, CAMERA, PLAYGROUND, FIRE_EQUIPMENT, LIGHTING, OTHER
	}

	public enum Status {
		IN_SERVICE, FAULTY, UNDER_REPAIR, RETIRED
	}

	public record Asset(UUID id, UUID communityId, String code, Type type, String name, UUID buildingId,
			String location, Status status) {
	}

	/** What the public scan page shows: no ids, no personal data. */
	public record PublicAsset(String code, String communityName, Type type, String name, String location,
			Status status) {
	}

	static final int REPORTS_PER_HOUR = 20;

	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AssetService(JdbcClient jdbc, FieldCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Asset register(UUID communityId, String type, String name, UUID buildingId, String location) {
		Violations violations = new Violations();
		Type parsedType = parse(type);
		violations.require(parsedType != null, "type", "asset.type.invalid");
		String cleanName = TextNormaliser.normalise(name);
		violations.require(cleanName != null && !cleanName.isEmpty() && cleanName.length() <= 100, "name",
				"asset.name.invalid");
		String cleanLocation = location == null || location.isBlank() ? null : location.strip();
		violations.require(cleanLocation == null || cleanLocation.length() <= 200, "location",
				"asset.location.invalid");
		violations.require(buildingId == null || this.jdbc.sql(
				"select count(*) from registry.building where community_id = :c and id = :b")
			.param("c", communityId).param("b", buildingId).query(Long.class).single() > 0, "buildingId",
				"room.building.unknown");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		String code = newCode();
		this.jdbc.sql("""
				insert into registry.asset (id, community_id, code, type, name, building_id, location, created_at)
				values (:id, :c, :code, :type, :name, :b, :location, :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("code", code)
			.param("type", parsedType.name())
			.param("name", cleanName)
			.param("b", buildingId)
			.param("location", cleanLocation)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return new Asset(id, communityId, code, parsedType, cleanName, buildingId, cleanLocation, Status.IN_SERVICE);
	}

	/** One change in an asset's life. */
	public record AssetEvent(Status from, Status to, String note, String changedBy, java.time.Instant changedAt) {
	}

	/**
	 * Changes the status (faulty, under repair, back in service, retired) and keeps the change in the asset's
	 * history; a retired asset stays retired.
	 */
	@Transactional
	public void changeStatus(UUID communityId, UUID assetId, String status, String note, String by) {
		Status current = this.jdbc.sql("select status from registry.asset where community_id = :c and id = :id for update")
			.param("c", communityId).param("id", assetId).query(String.class).optional().map(Status::valueOf)
			.orElseThrow(() -> DomainException.notFound("asset.notFound"));
		Status next = null;
		try {
			next = status == null ? null : Status.valueOf(status.trim());
		}
		catch (IllegalArgumentException ex) {
			next = null;
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		Violations violations = new Violations();
		violations.require(next != null, "status", "asset.status.invalid");
		violations.require(current != Status.RETIRED, "status", "asset.status.retired");
		violations.require(next == null || next != current, "status", "asset.status.same");
		violations.require(text == null || text.length() <= 500, "note", "asset.note.invalid");
		violations.throwIfAny();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("update registry.asset set status = :s, version = version + 1 where id = :id")
			.param("s", next.name()).param("id", assetId).update();
		this.jdbc.sql("""
				insert into registry.asset_event (id, community_id, asset_id, from_status, to_status, note, changed_by,
				  changed_at) values (:id, :c, :a, :from, :to, :note, :by, :now)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("a", assetId)
			.param("from", current.name()).param("to", next.name()).param("note", text).param("by", by)
			.param("now", now).update();
	}

	public List<AssetEvent> history(UUID communityId, UUID assetId) {
		return this.jdbc.sql("""
				select from_status, to_status, note, changed_by, changed_at from registry.asset_event
				 where community_id = :c and asset_id = :a order by changed_at
				""").param("c", communityId).param("a", assetId)
			.query((rs, n) -> new AssetEvent(Status.valueOf(rs.getString(1)), Status.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public Optional<Asset> find(UUID communityId, UUID id) {
		return this.jdbc.sql("select * from registry.asset where community_id = :c and id = :id")
			.param("c", communityId).param("id", id).query(AssetService::row).optional();
	}

	public List<Asset> list(UUID communityId, int limit, long offset) {
		return this.jdbc.sql("""
				select * from registry.asset where community_id = :c order by type, name limit :limit offset :offset
				""").param("c", communityId).param("limit", limit).param("offset", offset).query(AssetService::row)
			.list();
	}

	/** What the staff list filters by; a null field does not filter. */
	public record Filter(Type type, Status status, UUID buildingId) {

		/** A filter from request parameters; values that name no type or status are ignored. */
		public static Filter of(String type, String status, UUID buildingId) {
			return new Filter(parse(type), parseStatus(status), buildingId);
		}

	}

	/** A page of the community's assets, filtered by type, status and building. */
	public org.springframework.data.domain.Page<Asset> page(UUID communityId, Filter filter,
			org.springframework.data.domain.Pageable pageable) {
		StringBuilder where = new StringBuilder("community_id = :c");
		java.util.Map<String, Object> params = new java.util.HashMap<>(java.util.Map.of("c", communityId));
		if (filter.type() != null) {
			where.append(" and type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.buildingId() != null) {
			where.append(" and building_id = :b");
			params.put("b", filter.buildingId());
		}
		long total = this.jdbc.sql("select count(*) from registry.asset where " + where).params(params)
			.query(Long.class).single();
		List<Asset> content = this.jdbc.sql("select * from registry.asset where " + where
				+ " order by type, name, id limit :limit offset :offset")
			.params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query(AssetService::row).list();
		return new org.springframework.data.domain.PageImpl<>(content, pageable, total);
	}

	public long count(UUID communityId) {
		return this.jdbc.sql("select count(*) from registry.asset where community_id = :c").param("c", communityId)
			.query(Long.class).single();
	}

	public Optional<PublicAsset> byCode(String code) {
		return this.jdbc.sql("""
				select a.code, c.name as community, a.type, a.name, a.location, a.status
				  from registry.asset a join registry.community c on c.id = a.community_id where a.code = :code
				""").param("code", code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT))
			.query((rs, n) -> new PublicAsset(rs.getString("code"), rs.getString("community"),
					Type.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("location"),
					Status.valueOf(rs.getString("status"))))
			.optional();
	}

	/** A problem reported from the public scan page; an optional mobile number is kept encrypted. */
	@Transactional
	public UUID report(String code, String description, String phone, String sourceAddress) {
		var asset = this.jdbc.sql("select id, community_id from registry.asset where code = :code")
			.param("code", code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT))
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.optional()
			.orElseThrow(() -> DomainException.notFound("asset.notFound"));
		Violations violations = new Violations();
		// free text keeps its Chinese punctuation: only the ends are trimmed
		String text = description == null ? null : description.strip();
		violations.require(text != null && text.length() >= 2 && text.length() <= 500, "description",
				"asset.report.description.invalid");
		var mobile = phone == null || phone.isBlank() ? null : MobileNumber.parse(phone);
		if (mobile != null) {
			mobile.error().ifPresent(c -> violations.add("phone", c));
		}
		violations.throwIfAny();
		Timestamp now = Timestamp.from(this.clock.instant());
		long recent = this.jdbc.sql("""
				select count(*) from registry.asset_report where community_id = :c and asset_id = :a
				   and reported_at > :since
				""").param("c", asset[1]).param("a", asset[0])
			.param("since", Timestamp.from(this.clock.instant().minus(Duration.ofHours(1)))).query(Long.class).single();
		if (recent >= REPORTS_PER_HOUR) {
			throw new DomainException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, null,
					"asset.report.tooMany");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into registry.asset_report (id, community_id, asset_id, description, phone_enc, reported_at,
				  source_address) values (:id, :c, :a, :d, :p, :now, :src)
				""")
			.param("id", id).param("c", asset[1]).param("a", asset[0]).param("d", text)
			.param("p", mobile == null ? null : this.cipher.encrypt(mobile.orElseThrow().value()))
			.param("now", now).param("src", sourceAddress).update();
		this.events.publishEvent(new AssetProblemReported(asset[1], asset[0], id, text));
		return id;
	}

	private String newCode() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	private static Type parse(String type) {
		Set<String> names = EnumSet.allOf(Type.class).stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
		return type != null && names.contains(type.trim()) ? Type.valueOf(type.trim()) : null;
	}

	private static Status parseStatus(String status) {
		Set<String> names = EnumSet.allOf(Status.class).stream().map(Enum::name)
			.collect(java.util.stream.Collectors.toSet());
		return status != null && names.contains(status.trim()) ? Status.valueOf(status.trim()) : null;
	}

	private static Asset row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Asset(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class), rs.getString("code"),
				Type.valueOf(rs.getString("type")), rs.getString("name"), rs.getObject("building_id", UUID.class),
				rs.getString("location"), Status.valueOf(rs.getString("status")));
	}

}
