package org.linli.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read models: bills of a room or household, collection rates by compound, building and period, and trends. */
@Service
public class BillQueries {

	public record Bill(UUID id, UUID roomId, UUID householdId, String item, String kind, String period,
			LocalDate periodStart, LocalDate periodEnd, int days, BigDecimal quantity, String description,
			long amountFen, long paidFen, long creditedFen, LocalDate dueDate, OffsetDateTime createdAt) {

		public long outstandingFen() {
			return this.amountFen - this.paidFen - this.creditedFen;
		}

		public String status() {
			if (outstandingFen() == 0) {
				return this.paidFen > 0 ? "PAID" : "CREDITED";
			}
			return this.paidFen > 0 ? "PARTIAL" : "OPEN";
		}

	}

	/**
	 * Billed (net of credit notes) and paid in a period. The rate is paid / billed, 4 decimals rounded DOWN, so a
	 * rate of 0.89996 never shows as meeting a 90% target.
	 */
	public record Rate(String period, long billedFen, long paidFen, BigDecimal rate) {

		static Rate of(String period, long billed, long paid) {
			BigDecimal rate = billed == 0 ? BigDecimal.ZERO.setScale(4)
					: BigDecimal.valueOf(paid).divide(BigDecimal.valueOf(billed), 4, RoundingMode.DOWN);
			return new Rate(period, billed, paid, rate);
		}

		public String percent() {
			return this.rate.movePointRight(2).setScale(2, RoundingMode.DOWN).toPlainString() + "%";
		}

	}

	public record BuildingRate(UUID buildingId, String building, Rate rate) {
	}

	private static final String BILL = """
			select b.*, coalesce(b.description, i.name) as item from billing.bill b
			  join billing.fee_item i on i.id = b.fee_item_id""";

	private final JdbcClient jdbc;

	BillQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Bill> ofRoom(UUID communityId, UUID roomId) {
		return this.jdbc.sql(BILL + " where " + RoomBills.OF_ROOM + " order by b.due_date desc, item")
			.param("c", communityId).param("r", roomId).query(this::row).list();
	}

	/** A household's bills: what its members see (a later household of the same room sees only its own). */
	public List<Bill> ofHousehold(UUID communityId, UUID roomId, UUID householdId) {
		return this.jdbc.sql(BILL + " where " + RoomBills.OF_ROOM + " and b.household_id = :h "
				+ "order by b.due_date desc, item")
			.param("c", communityId).param("r", roomId).param("h", householdId).query(this::row).list();
	}

	public java.util.Optional<Bill> find(UUID communityId, UUID billId) {
		return this.jdbc.sql(BILL + " where b.community_id = :c and b.id = :id").param("c", communityId)
			.param("id", billId).query(this::row).optional();
	}

	public long balance(UUID communityId, UUID roomId) {
		return this.jdbc.sql("select coalesce((select balance_fen from billing.account where community_id = :c "
				+ "and room_id = :r), 0)").param("c", communityId).param("r", roomId).query(Long.class).single();
	}

	public Rate collectionRate(UUID communityId, String period) {
		return this.jdbc.sql("""
				select coalesce(sum(amount_fen - credited_fen), 0), coalesce(sum(paid_fen), 0) from billing.bill
				 where community_id = :c and period = :p
				""").param("c", communityId).param("p", period)
			.query((rs, n) -> Rate.of(period, rs.getLong(1), rs.getLong(2))).single();
	}

	public List<BuildingRate> byBuilding(UUID communityId, String period) {
		return this.jdbc.sql("""
				select r.building_id, r.building, coalesce(sum(b.amount_fen - b.credited_fen), 0),
				       coalesce(sum(b.paid_fen), 0)
				  from billing.bill b
				  join billing.billable_room r on r.community_id = b.community_id and r.room_id = b.room_id
				 where b.community_id = :c and b.period = :p
				 group by r.building_id, r.building order by length(r.building), r.building
				""").param("c", communityId).param("p", period)
			.query((rs, n) -> new BuildingRate(rs.getObject(1, UUID.class), rs.getString(2),
					Rate.of(period, rs.getLong(3), rs.getLong(4))))
			.list();
	}

	/** Monthly rates of the {@code months} months up to and including {@code last}. */
	public List<Rate> trend(UUID communityId, YearMonth last, int months) {
		List<String> periods = new ArrayList<>();
		for (int i = months - 1; i >= 0; i--) {
			periods.add(last.minusMonths(i).toString());
		}
		var rows = this.jdbc.sql("""
				select period, coalesce(sum(amount_fen - credited_fen), 0), coalesce(sum(paid_fen), 0)
				  from billing.bill where community_id = :c and period in (:periods) group by period
				""").param("c", communityId).param("periods", periods)
			.query((rs, n) -> Rate.of(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Rate::period, r -> r));
		return periods.stream().map(p -> rows.getOrDefault(p, Rate.of(p, 0, 0))).toList();
	}

	public java.util.Map<UUID, List<org.linli.shared.money.Money>> outstandingByRoom(UUID communityId) {
		java.util.Map<UUID, List<org.linli.shared.money.Money>> result = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select room_id, amount_fen - paid_fen - credited_fen from billing.bill
				 where community_id = :c and paid_fen + credited_fen < amount_fen
				 order by room_id, due_date, created_at, id
				""").param("c", communityId).query((rs, n) -> {
					result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
						.add(org.linli.shared.money.Money.ofFen(rs.getLong(2)));
					return Boolean.TRUE;
				}).list();
		return result;
	}

	private Bill row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Bill(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getString("item"), rs.getString("kind"),
				rs.getString("period"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getInt("days"), rs.getBigDecimal("quantity"),
				rs.getString("description"), rs.getLong("amount_fen"), rs.getLong("paid_fen"),
				rs.getLong("credited_fen"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
