package org.linli.billing.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fee items (收费项目) with effective dates, rates by room use or building, parking subscriptions and reductions for
 * hardship households.
 */
@Service
public class FeeItems {

	public static final Set<String> KINDS = Set.of("AREA_RATE", "FIXED", "PARKING", "METERED", "ONE_OFF");

	public static final Set<String> METER_KINDS = Set.of("WATER", "ELECTRICITY", "GAS");

	public static final Set<String> USES = Set.of("RESIDENTIAL", "COMMERCIAL", "OFFICE", "STORAGE", "PARKING",
			"OTHER");

	public record NewItem(String code, String name, String kind, String cycle, Long priceFen, String meterKind,
			LocalDate effectiveFrom, LocalDate effectiveUntil) {
	}

	public record Item(UUID id, String code, String name, String kind, String cycle, long priceFen, String meterKind,
			LocalDate effectiveFrom, LocalDate effectiveUntil, List<Rate> rates) {
	}

	public record Rate(String use, UUID buildingId, long priceFen) {
	}

	public record Reduction(UUID id, UUID roomId, UUID feeItemId, int percent, String reason, LocalDate validFrom,
			LocalDate validUntil) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	FeeItems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID create(UUID communityId, NewItem item) {
		Violations v = new Violations();
		v.require(item.code() != null && item.code().strip().matches("[A-Za-z0-9_-]{1,40}"), "code",
				"billing.fee.code.invalid");
		v.require(item.name() != null && !item.name().isBlank() && item.name().length() <= 100, "name",
				"billing.fee.name.invalid");
		v.require(item.kind() != null && KINDS.contains(item.kind()), "kind", "billing.fee.kind.invalid");
		String cycle = item.cycle() == null || item.cycle().isBlank() ? "MONTH" : item.cycle();
		v.require(Set.of("MONTH", "QUARTER", "YEAR").contains(cycle), "cycle", "billing.fee.cycle.invalid");
		v.require(item.priceFen() != null && item.priceFen() >= 0, "priceFen", "billing.fee.price.invalid");
		boolean metered = "METERED".equals(item.kind());
		v.require(metered == (item.meterKind() != null && METER_KINDS.contains(item.meterKind())), "meterKind",
				"billing.fee.meterKind.invalid");
		v.require(item.effectiveFrom() != null, "effectiveFrom", "billing.fee.from.invalid");
		v.require(item.effectiveUntil() == null || item.effectiveFrom() == null
				|| !item.effectiveUntil().isBefore(item.effectiveFrom()), "effectiveUntil", "billing.fee.until.invalid");
		v.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into billing.fee_item (id, community_id, code, name, kind, cycle, price_fen, meter_kind,
					       effective_from, effective_until, created_at)
					values (:id, :c, :code, :name, :kind, :cycle, :price, :meter, :from, :until, :now)
					""").param("id", id).param("c", communityId).param("code", item.code().strip())
				.param("name", item.name().strip()).param("kind", item.kind()).param("cycle", cycle)
				.param("price", item.priceFen()).param("meter", metered ? item.meterKind() : null)
				.param("from", Date.valueOf(item.effectiveFrom()))
				.param("until", item.effectiveUntil() == null ? null : Date.valueOf(item.effectiveUntil()))
				.param("now", Timestamp.from(this.clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.invalid("code", "billing.fee.code.taken");
		}
		return id;
	}

	/** A rate for one room use or one building; setting it again replaces it. */
	@Transactional
	public void setRate(UUID communityId, UUID itemId, String use, UUID buildingId, long priceFen) {
		item(communityId, itemId);
		Violations v = new Violations();
		v.require((use == null) != (buildingId == null), "use", "billing.rate.target.invalid");
		v.require(use == null || USES.contains(use), "use", "billing.rate.use.invalid");
		v.require(priceFen >= 0, "priceFen", "billing.fee.price.invalid");
		v.throwIfAny();
		this.jdbc.sql("delete from billing.fee_rate where community_id = :c and fee_item_id = :i and "
				+ (use != null ? "room_use = :t" : "building_id = :t"))
			.param("c", communityId).param("i", itemId).param("t", use != null ? use : buildingId).update();
		this.jdbc.sql("""
				insert into billing.fee_rate (id, community_id, fee_item_id, room_use, building_id, price_fen)
				values (:id, :c, :i, :use, :b, :p)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("i", itemId).param("use", use)
			.param("b", buildingId).param("p", priceFen).update();
	}

	/** Ends an item on a date (a new price is a new item from the next day: bills are prorated across both). */
	@Transactional
	public void end(UUID communityId, UUID itemId, LocalDate until) {
		Item item = item(communityId, itemId);
		if (until == null || until.isBefore(item.effectiveFrom())) {
			throw DomainException.invalid("effectiveUntil", "billing.fee.until.invalid");
		}
		this.jdbc.sql("update billing.fee_item set effective_until = :u, version = version + 1 "
				+ "where community_id = :c and id = :i").param("u", Date.valueOf(until)).param("c", communityId)
			.param("i", itemId).update();
	}

	public List<Item> list(UUID communityId) {
		List<Rate> none = List.of();
		var rates = this.jdbc.sql("select fee_item_id, room_use, building_id, price_fen from billing.fee_rate "
				+ "where community_id = :c").param("c", communityId)
			.query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class),
					new Rate(rs.getString(2), rs.getObject(3, UUID.class), rs.getLong(4))))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey,
					java.util.stream.Collectors.mapping(java.util.Map.Entry::getValue,
							java.util.stream.Collectors.toList())));
		return this.jdbc.sql("select * from billing.fee_item where community_id = :c order by effective_from, code")
			.param("c", communityId)
			.query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("kind"), rs.getString("cycle"), rs.getLong("price_fen"), rs.getString("meter_kind"),
					rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
					none))
			.list()
			.stream()
			.map(i -> new Item(i.id(), i.code(), i.name(), i.kind(), i.cycle(), i.priceFen(), i.meterKind(),
					i.effectiveFrom(), i.effectiveUntil(), rates.getOrDefault(i.id(), none)))
			.toList();
	}

	public Item item(UUID communityId, UUID itemId) {
		return list(communityId).stream().filter(i -> i.id().equals(itemId)).findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.fee.notFound"));
	}

	public java.util.Optional<UUID> idByCode(UUID communityId, String code) {
		return this.jdbc.sql("select id from billing.fee_item where community_id = :c and code = :code")
			.param("c", communityId).param("code", code).query(UUID.class).optional();
	}

	/** A room rents {@code quantity} of a parking (or other subscribed) fee item from a date. */
	@Transactional
	public void subscribe(UUID communityId, UUID roomId, UUID itemId, int quantity, LocalDate since) {
		Item item = item(communityId, itemId);
		Violations v = new Violations();
		v.require("PARKING".equals(item.kind()), "feeItemId", "billing.subscription.kind");
		v.require(quantity > 0, "quantity", "billing.subscription.quantity");
		v.require(since != null, "since", "billing.fee.from.invalid");
		v.throwIfAny();
		this.jdbc.sql("""
				insert into billing.subscription (community_id, room_id, fee_item_id, quantity, since)
				values (:c, :r, :i, :q, :s)
				on conflict (community_id, room_id, fee_item_id) do update set quantity = :q, since = :s, until = null
				""").param("c", communityId).param("r", roomId).param("i", itemId).param("q", quantity)
			.param("s", Date.valueOf(since)).update();
	}

	/** Exempts (100%) or reduces a household's fees for a time, with the reason on record. */
	@Transactional
	public UUID reduce(UUID communityId, UUID roomId, UUID itemId, Integer percent, String reason, LocalDate from,
			LocalDate until, String by) {
		Violations v = new Violations();
		v.require(percent != null && percent >= 1 && percent <= 100, "percent", "billing.reduction.percent.invalid");
		v.require(reason != null && !reason.isBlank() && reason.length() <= 200, "reason", "billing.reason.required");
		v.require(from != null, "validFrom", "billing.fee.from.invalid");
		v.require(until == null || from == null || !until.isBefore(from), "validUntil", "billing.fee.until.invalid");
		v.throwIfAny();
		if (itemId != null) {
			item(communityId, itemId);
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.reduction (id, community_id, room_id, fee_item_id, percent, reason, valid_from,
				       valid_until, created_by, created_at)
				values (:id, :c, :r, :i, :p, :reason, :from, :until, :by, :now)
				""").param("id", id).param("c", communityId).param("r", roomId).param("i", itemId).param("p", percent)
			.param("reason", reason.strip()).param("from", Date.valueOf(from))
			.param("until", until == null ? null : Date.valueOf(until)).param("by", by)
			.param("now", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	public List<Reduction> reductions(UUID communityId, UUID roomId) {
		return this.jdbc.sql("select * from billing.reduction where community_id = :c and room_id = :r "
				+ "order by valid_from desc").param("c", communityId).param("r", roomId)
			.query((rs, n) -> new Reduction(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
					rs.getObject("fee_item_id", UUID.class), rs.getInt("percent"), rs.getString("reason"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)))
			.list();
	}

}
