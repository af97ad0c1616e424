package org.linli.concierge.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.registry.Occupant;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.shared.person.Masking;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Elderly meals (长者助餐): a menu per day, one meal per elderly person and day ordered by the household or by staff
 * for them (recorded as assisted), delivered to those who cannot come, at the subsidised price for those who
 * qualify, never more than the day's capacity (the plan's 200 by default): a place is taken by one atomic upsert on
 * {@code concierge.meal_day} that only succeeds below capacity.
 */
@Service
public class Meals {

	/** Orders are taken for today and this many days ahead. */
	public static final int ORDER_DAYS_AHEAD = 7;

	public record Menu(LocalDate day, String dishes, Money price, Money subsidy, int version) {

		public Money subsidisedPrice() {
			return this.price.minus(this.subsidy);
		}

	}

	public record Order(UUID id, LocalDate day, UUID personId, String personName, UUID householdId, UUID roomId,
			String roomLabel, boolean delivery, boolean subsidised, Money price, boolean assisted, String orderedBy,
			String status) {
	}

	/** An order as asked for; {@code subsidised} counts only when staff order (residents get the rule's answer). */
	public record Request(String day, String personId, Boolean delivery, Boolean subsidised) {
	}

	/** One line of the kitchen list. */
	public record KitchenLine(String roomLabel, String name, boolean delivery, boolean subsidised, boolean assisted) {
	}

	/** What the kitchen cooks and who gets it delivered on one day (printable). */
	public record KitchenList(LocalDate day, Menu menu, int capacity, int ordered, int dineIn, int delivery,
			int subsidised, List<KitchenLine> lines) {
	}

	/** A person of a household and whether, and how, they may order. */
	public record Eater(Occupant person, boolean elderly, boolean mayHaveDelivered, boolean subsidy) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegistryApi registry;

	private final ConciergeSettings settings;

	private final AuditApi audit;

	Meals(JdbcClient jdbc, Clock clock, RegistryApi registry, ConciergeSettings settings, AuditApi audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.registry = registry;
		this.settings = settings;
		this.audit = audit;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	@Transactional
	public Menu setMenu(UUID communityId, String rawDay, String dishes, Long priceFen, Long subsidyFen,
			Caller caller) {
		Violations violations = new Violations();
		LocalDate day = parseDay(rawDay);
		violations.require(day != null, "day", "concierge.meal.day.invalid");
		String clean = dishes == null ? "" : dishes.strip();
		violations.require(!clean.isEmpty() && clean.length() <= 500, "dishes", "concierge.meal.dishes.invalid");
		violations.require(priceFen != null && priceFen >= 0 && priceFen <= 100_000, "priceFen",
				"concierge.meal.price.invalid");
		violations.require(subsidyFen != null && subsidyFen >= 0 && (priceFen == null || subsidyFen <= priceFen),
				"subsidyFen", "concierge.meal.subsidy.invalid");
		violations.throwIfAny();
		this.jdbc.sql("""
				insert into concierge.meal_menu (community_id, day, dishes, price_fen, subsidy_fen)
				values (:c, :d, :dishes, :price, :subsidy)
				on conflict (community_id, day) do update set dishes = excluded.dishes, price_fen = excluded.price_fen,
				   subsidy_fen = excluded.subsidy_fen, version = meal_menu.version + 1
				""").param("c", communityId).param("d", day).param("dishes", clean).param("price", priceFen)
			.param("subsidy", subsidyFen).update();
		audit(caller, new AuditRecord(caller.username(), "SET meal menu", "community " + communityId + " day " + day,
				AuditRecord.Result.SUCCESS, null, "price=" + priceFen + " subsidy=" + subsidyFen));
		return menu(communityId, day).orElseThrow();
	}

	public Optional<Menu> menu(UUID communityId, LocalDate day) {
		return this.jdbc.sql("""
				select day, dishes, price_fen, subsidy_fen, version from concierge.meal_menu
				 where community_id = :c and day = :d
				""").param("c", communityId).param("d", day)
			.query((rs, n) -> new Menu(rs.getObject(1, LocalDate.class), rs.getString(2), Money.ofFen(rs.getLong(3)),
					Money.ofFen(rs.getLong(4)), rs.getInt(5)))
			.optional();
	}

	/** The persons of a room with what they may order on the day (for the resident page and the staff counter). */
	public List<Eater> eaters(UUID communityId, UUID roomId, LocalDate day) {
		return this.registry.occupants(communityId, roomId).stream().map(p -> eater(p, day)).toList();
	}

	@Transactional
	public Order order(UUID communityId, Caller caller, Request request) {
		Violations violations = new Violations();
		LocalDate day = parseDay(request.day());
		LocalDate today = today();
		violations.require(day != null, "day", "concierge.meal.day.invalid");
		if (day != null) {
			violations.require(!day.isBefore(today) && !day.isAfter(today.plusDays(ORDER_DAYS_AHEAD)), "day",
					"concierge.meal.day.outOfRange", ORDER_DAYS_AHEAD);
		}
		Optional<Menu> menu = day == null ? Optional.empty() : menu(communityId, day);
		if (day != null && violations.isEmpty()) {
			violations.require(menu.isPresent(), "day", "concierge.meal.menu.none");
		}
		Occupant person = personFor(communityId, caller, request.personId());
		violations.require(person != null, "personId", "concierge.meal.person.unknown");
		boolean delivery = Boolean.TRUE.equals(request.delivery());
		if (person != null && day != null) {
			Eater eater = eater(person, day);
			// staff judge in person; a household's own order follows the registry
			violations.require(eater.elderly() || !caller.isResident(), "personId", "concierge.meal.person.notElderly",
					MealRules.ELDERLY_AGE);
			violations.require(!delivery || eater.mayHaveDelivered() || !caller.isResident(), "delivery",
					"concierge.meal.delivery.notEligible");
		}
		violations.throwIfAny();

		boolean subsidised = caller.isResident() || request.subsidised() == null
				? MealRules.qualifiesForSubsidy(person, day) : request.subsidised();
		Menu dayMenu = menu.orElseThrow();
		Money price = subsidised ? dayMenu.subsidisedPrice() : dayMenu.price();
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into concierge.meal_order (id, community_id, day, person_id, person_name, household_id,
					  room_id, room_label, delivery, subsidised, price_fen, assisted, ordered_by, status, created_at)
					values (:id, :c, :d, :p, :name, :h, :r, :label, :delivery, :subsidised, :price, :assisted, :by,
					  'ORDERED', :now)
					""").param("id", id).param("c", communityId).param("d", day).param("p", person.personId())
				.param("name", person.name()).param("h", person.householdId()).param("r", person.roomId())
				.param("label", person.roomLabel()).param("delivery", delivery).param("subsidised", subsidised)
				.param("price", price.fen()).param("assisted", !caller.isResident()).param("by", caller.username())
				.param("now", Timestamp.from(this.clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("concierge.meal.already");
		}
		int capacity = this.settings.of(communityId).mealCapacity();
		int taken = this.jdbc.sql("""
				insert into concierge.meal_day (community_id, day, capacity, ordered) values (:c, :d, :capacity, 1)
				on conflict (community_id, day) do update
				   set ordered = meal_day.ordered + 1, capacity = excluded.capacity
				 where meal_day.ordered + 1 <= excluded.capacity
				""").param("c", communityId).param("d", day).param("capacity", capacity).update();
		if (taken == 0) {
			throw DomainException.conflict("concierge.meal.full", capacity);
		}
		if (!caller.isResident()) {
			audit(caller, new AuditRecord(caller.username(), "ORDER elderly meal (assisted)", "meal order " + id,
					AuditRecord.Result.SUCCESS, null, day + " " + person.roomLabel() + " delivery=" + delivery
							+ " subsidised=" + subsidised));
		}
		return find(communityId, id).orElseThrow();
	}

	/** Cancels an order of today or later and frees its place; residents only their household's. */
	@Transactional
	public Order cancel(UUID communityId, UUID orderId, Caller caller) {
		Order order = require(communityId, orderId, caller);
		if (!"ORDERED".equals(order.status())) {
			throw DomainException.conflict("concierge.meal.cancel.notOrdered");
		}
		if (order.day().isBefore(today())) {
			throw DomainException.conflict("concierge.meal.cancel.past");
		}
		this.jdbc.sql("""
				update concierge.meal_order set status = 'CANCELLED', cancelled_at = :now
				 where community_id = :c and id = :id and status = 'ORDERED'
				""").param("now", Timestamp.from(this.clock.instant())).param("c", communityId).param("id", orderId)
			.update();
		this.jdbc.sql("""
				update concierge.meal_day set ordered = ordered - 1
				 where community_id = :c and day = :d and ordered > 0
				""").param("c", communityId).param("d", order.day()).update();
		audit(caller, new AuditRecord(caller.username(), "CANCEL meal order", "meal order " + orderId,
				AuditRecord.Result.SUCCESS, null, order.day() + " " + order.roomLabel()));
		return find(communityId, orderId).orElseThrow();
	}

	public Order require(UUID communityId, UUID orderId, Caller caller) {
		return find(communityId, orderId)
			.filter(o -> !caller.isResident() || o.householdId().equals(caller.home().householdId()))
			.orElseThrow(() -> DomainException.notFound("concierge.meal.order.notFound"));
	}

	public Optional<Order> find(UUID communityId, UUID orderId) {
		return this.jdbc.sql(SELECT + " where community_id = :c and id = :id").param("c", communityId)
			.param("id", orderId).query(Meals::row).optional();
	}

	/** Staff: the orders of a day (cancelled ones last). */
	public List<Order> ofDay(UUID communityId, LocalDate day) {
		return this.jdbc.sql(SELECT + " where community_id = :c and day = :d order by status desc, room_label")
			.param("c", communityId).param("d", day).query(Meals::row).list();
	}

	/** A household's orders, newest day first. */
	public List<Order> ofHousehold(UUID communityId, UUID householdId, int limit) {
		return this.jdbc.sql(SELECT + " where community_id = :c and household_id = :h order by day desc, person_name"
				+ " limit :limit").param("c", communityId).param("h", householdId).param("limit", limit)
			.query(Meals::row).list();
	}

	public int orderedOn(UUID communityId, LocalDate day) {
		return this.jdbc.sql("select ordered from concierge.meal_day where community_id = :c and day = :d")
			.param("c", communityId).param("d", day).query(Integer.class).optional().orElse(0);
	}

	/** The kitchen list: counts, then deliveries by room, then dine-in; names masked (张*三) as on every printout. */
	public KitchenList kitchenList(UUID communityId, LocalDate day) {
		List<Order> orders = ofDay(communityId, day).stream().filter(o -> "ORDERED".equals(o.status())).toList();
		List<KitchenLine> lines = orders.stream()
			.sorted(java.util.Comparator.comparing((Order o) -> !o.delivery()).thenComparing(Order::roomLabel))
			.map(o -> new KitchenLine(o.roomLabel(), Masking.name(o.personName()), o.delivery(), o.subsidised(),
					o.assisted()))
			.toList();
		int delivery = (int) orders.stream().filter(Order::delivery).count();
		int subsidised = (int) orders.stream().filter(Order::subsidised).count();
		return new KitchenList(day, menu(communityId, day).orElse(null), this.settings.of(communityId).mealCapacity(),
				orders.size(), orders.size() - delivery, delivery, subsidised, lines);
	}

	private void audit(Caller caller, AuditRecord record) {
		if (caller.audited()) {
			this.audit.record(record);
		}
	}

	public static LocalDate parseDay(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private Eater eater(Occupant person, LocalDate day) {
		return new Eater(person, MealRules.isElderly(person, day), MealRules.mayHaveDelivered(person, day),
				MealRules.qualifiesForSubsidy(person, day));
	}

	private Occupant personFor(UUID communityId, Caller caller, String rawPersonId) {
		UUID personId;
		try {
			personId = rawPersonId == null ? null : UUID.fromString(rawPersonId.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (personId == null) {
			return caller.isResident() ? caller.home() : null;
		}
		return this.registry.occupant(personId)
			.filter(p -> p.communityId().equals(communityId))
			.filter(p -> !caller.isResident() || p.householdId().equals(caller.home().householdId()))
			.orElse(null);
	}

	private static final String SELECT = """
			select id, day, person_id, person_name, household_id, room_id, room_label, delivery, subsidised, price_fen,
			       assisted, ordered_by, status
			  from concierge.meal_order
			""";

	private static Order row(ResultSet rs, int n) throws SQLException {
		return new Order(rs.getObject("id", UUID.class), rs.getObject("day", LocalDate.class),
				rs.getObject("person_id", UUID.class), rs.getString("person_name"),
				rs.getObject("household_id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getString("room_label"), rs.getBoolean("delivery"), rs.getBoolean("subsidised"),
				Money.ofFen(rs.getLong("price_fen")), rs.getBoolean("assisted"), rs.getString("ordered_by"),
				rs.getString("status"));
	}

}
