package org.linli.concierge.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.shared.money.Money;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station's catalogue of a community: categories and services, each with provider, price (fen), opening hours
 * and, when bookable, slot length and capacity. Staff keep it; everyone in the community reads it.
 */
@Service
public class Catalogue {

	public record Category(UUID id, String code, String name, int sortOrder) {
	}

	public record ServiceItem(UUID id, UUID categoryId, String categoryCode, String categoryName, String code,
			String name, String provider, Money price, String priceUnit, LocalTime opensAt, LocalTime closesAt,
			boolean bookable, int slotMinutes, int slotCapacity, boolean active, int version) {

		public SlotRules slots() {
			return new SlotRules(this.opensAt, this.closesAt, this.slotMinutes);
		}

	}

	/** A new or changed service as staff enter it; times as HH:mm. */
	public record ServiceForm(String categoryCode, String code, String name, String provider, Long priceFen,
			String priceUnit, String opensAt, String closesAt, Boolean bookable, Integer slotMinutes,
			Integer slotCapacity, Boolean active) {
	}

	private static final String SELECT = """
			select s.id, s.category_id, c.code as category_code, c.name as category_name, s.code, s.name, s.provider,
			       s.price_fen, s.price_unit, s.opens_at, s.closes_at, s.bookable, s.slot_minutes, s.slot_capacity,
			       s.active, s.version
			  from concierge.service s join concierge.category c on c.id = s.category_id and c.community_id = s.community_id
			""";

	private final JdbcClient jdbc;

	private final AuditApi audit;

	Catalogue(JdbcClient jdbc, AuditApi audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Seeds the plan's 3 categories and 20 services once; services already there (or renamed) are left alone. */
	@Transactional
	public int seed(UUID communityId) {
		int added = 0;
		int categoryOrder = 0;
		for (CatalogueSeed.SeedCategory category : CatalogueSeed.CATEGORIES) {
			categoryOrder += 10;
			this.jdbc.sql("""
					insert into concierge.category (id, community_id, code, name, sort_order)
					values (:id, :c, :code, :name, :o) on conflict (community_id, code) do nothing
					""").param("id", UUID.randomUUID()).param("c", communityId).param("code", category.code())
				.param("name", category.name()).param("o", categoryOrder).update();
			UUID categoryId = categoryId(communityId, category.code()).orElseThrow();
			int order = 0;
			for (CatalogueSeed.SeedService s : category.services()) {
				order += 10;
				added += this.jdbc.sql("""
						insert into concierge.service (id, community_id, category_id, code, name, provider, price_fen,
						  price_unit, opens_at, closes_at, bookable, slot_minutes, slot_capacity, sort_order)
						values (:id, :c, :cat, :code, :name, :provider, :price, :unit, :opens, :closes, :bookable,
						  :minutes, :capacity, :o)
						on conflict (community_id, code) do nothing
						""").param("id", UUID.randomUUID()).param("c", communityId).param("cat", categoryId)
					.param("code", s.code()).param("name", s.name()).param("provider", s.provider())
					.param("price", s.priceFen()).param("unit", s.unit()).param("opens", Time.valueOf(s.opens()))
					.param("closes", Time.valueOf(s.closes())).param("bookable", s.bookable())
					.param("minutes", s.slotMinutes()).param("capacity", s.slotCapacity()).param("o", order).update();
			}
		}
		return added;
	}

	public List<Category> categories(UUID communityId) {
		return this.jdbc.sql("select id, code, name, sort_order from concierge.category where community_id = :c "
				+ "order by sort_order, code").param("c", communityId)
			.query((rs, n) -> new Category(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** The services of the community in catalogue order; inactive ones only when asked for (staff). */
	public List<ServiceItem> services(UUID communityId, boolean withInactive) {
		return this.jdbc.sql(SELECT + " where s.community_id = :c and (s.active or :all) "
				+ "order by c.sort_order, s.sort_order, s.code").param("c", communityId).param("all", withInactive)
			.query(Catalogue::row).list();
	}

	public Optional<ServiceItem> service(UUID communityId, UUID serviceId) {
		return this.jdbc.sql(SELECT + " where s.community_id = :c and s.id = :s").param("c", communityId)
			.param("s", serviceId).query(Catalogue::row).optional();
	}

	public ServiceItem require(UUID communityId, UUID serviceId) {
		return service(communityId, serviceId).orElseThrow(() -> DomainException.notFound("concierge.service.notFound"));
	}

	@Transactional
	public UUID create(UUID communityId, ServiceForm form, String by) {
		Valid valid = validate(communityId, form);
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into concierge.service (id, community_id, category_id, code, name, provider, price_fen,
					  price_unit, opens_at, closes_at, bookable, slot_minutes, slot_capacity, active, sort_order)
					values (:id, :c, :cat, :code, :name, :provider, :price, :unit, :opens, :closes, :bookable,
					  :minutes, :capacity, :active,
					  (select coalesce(max(sort_order), 0) + 10 from concierge.service where community_id = :c
					      and category_id = :cat))
					""").param("id", id).param("c", communityId).params(valid.params()).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.invalid("code", "concierge.service.code.taken");
		}
		this.audit.record(new AuditRecord(by, "CREATE concierge service", "service " + id,
				AuditRecord.Result.SUCCESS, null, valid.code() + " " + valid.name()));
		return id;
	}

	/** Changes a service if nobody changed it since {@code version} was read (optimistic locking). */
	@Transactional
	public void update(UUID communityId, UUID serviceId, ServiceForm form, int version, String by) {
		require(communityId, serviceId);
		Valid valid = validate(communityId, form);
		int changed;
		try {
			changed = this.jdbc.sql("""
					update concierge.service set category_id = :cat, code = :code, name = :name, provider = :provider,
					       price_fen = :price, price_unit = :unit, opens_at = :opens, closes_at = :closes,
					       bookable = :bookable, slot_minutes = :minutes, slot_capacity = :capacity, active = :active,
					       version = version + 1
					 where community_id = :c and id = :id and version = :v
					""").param("id", serviceId).param("c", communityId).param("v", version).params(valid.params())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.invalid("code", "concierge.service.code.taken");
		}
		if (changed == 0) {
			throw DomainException.conflict("concierge.service.stale");
		}
		this.audit.record(new AuditRecord(by, "UPDATE concierge service", "service " + serviceId,
				AuditRecord.Result.SUCCESS, null, valid.code() + " " + valid.name() + " price=" + valid.priceFen()
						+ " active=" + valid.active()));
	}

	private record Valid(UUID categoryId, String code, String name, String provider, long priceFen, String unit,
			LocalTime opens, LocalTime closes, boolean bookable, int minutes, int capacity, boolean active) {

		java.util.Map<String, Object> params() {
			return java.util.Map.ofEntries(java.util.Map.entry("cat", this.categoryId),
					java.util.Map.entry("code", this.code), java.util.Map.entry("name", this.name),
					java.util.Map.entry("provider", this.provider), java.util.Map.entry("price", this.priceFen),
					java.util.Map.entry("unit", this.unit), java.util.Map.entry("opens", Time.valueOf(this.opens)),
					java.util.Map.entry("closes", Time.valueOf(this.closes)),
					java.util.Map.entry("bookable", this.bookable), java.util.Map.entry("minutes", this.minutes),
					java.util.Map.entry("capacity", this.capacity), java.util.Map.entry("active", this.active));
		}

	}

	private Valid validate(UUID communityId, ServiceForm form) {
		Violations violations = new Violations();
		UUID categoryId = form.categoryCode() == null ? null : categoryId(communityId, form.categoryCode().strip())
			.orElse(null);
		violations.require(categoryId != null, "categoryCode", "concierge.service.category.unknown");
		String code = trim(form.code());
		violations.require(code != null && code.matches("[A-Z][A-Z0-9_]{1,39}"), "code", "concierge.service.code.invalid");
		String name = trim(form.name());
		violations.require(name != null && name.length() <= 60, "name", "concierge.service.name.invalid");
		String provider = trim(form.provider());
		violations.require(provider != null && provider.length() <= 100, "provider",
				"concierge.service.provider.invalid");
		violations.require(form.priceFen() != null && form.priceFen() >= 0 && form.priceFen() <= 100_000_000L,
				"priceFen", "concierge.service.price.invalid");
		String unit = trim(form.priceUnit());
		violations.require(unit != null && unit.length() <= 20, "priceUnit", "concierge.service.unit.invalid");
		LocalTime opens = time(form.opensAt());
		LocalTime closes = time(form.closesAt());
		violations.require(opens != null, "opensAt", "concierge.service.time.invalid");
		violations.require(closes != null, "closesAt", "concierge.service.time.invalid");
		if (opens != null && closes != null) {
			violations.require(opens.isBefore(closes), "closesAt", "concierge.service.hours.invalid");
		}
		boolean bookable = Boolean.TRUE.equals(form.bookable());
		int minutes = form.slotMinutes() == null ? 60 : form.slotMinutes();
		int capacity = form.slotCapacity() == null ? 1 : form.slotCapacity();
		violations.require(minutes >= 15 && minutes <= 480, "slotMinutes", "concierge.service.slotMinutes.invalid");
		violations.require(capacity >= 1 && capacity <= 500, "slotCapacity", "concierge.service.slotCapacity.invalid");
		if (bookable && opens != null && closes != null && opens.isBefore(closes) && minutes >= 15) {
			violations.require(!new SlotRules(opens, closes, minutes).starts().isEmpty(), "slotMinutes",
					"concierge.service.slotMinutes.tooLong");
		}
		violations.throwIfAny();
		return new Valid(categoryId, code, name, provider, form.priceFen(), unit, opens, closes, bookable, minutes,
				capacity, form.active() == null || form.active());
	}

	private Optional<UUID> categoryId(UUID communityId, String code) {
		return this.jdbc.sql("select id from concierge.category where community_id = :c and code = :code")
			.param("c", communityId).param("code", code).query(UUID.class).optional();
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalTime time(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static ServiceItem row(ResultSet rs, int n) throws SQLException {
		return new ServiceItem(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
				rs.getString("category_code"), rs.getString("category_name"), rs.getString("code"),
				rs.getString("name"), rs.getString("provider"), Money.ofFen(rs.getLong("price_fen")),
				rs.getString("price_unit"), rs.getObject("opens_at", LocalTime.class),
				rs.getObject("closes_at", LocalTime.class), rs.getBoolean("bookable"), rs.getInt("slot_minutes"),
				rs.getInt("slot_capacity"), rs.getBoolean("active"), rs.getInt("version"));
	}

}
