package org.linli.renovation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.linli.renovation.FundingKind;
import org.linli.renovation.ReviewStep;
import org.linli.renovation.Views;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a project with its figures: budget versus actual per line, funding planned versus received, phases with
 * planned and actual progress, and the red/amber/green status from schedule and cost deviation (earned value:
 * schedule = (planned - earned) / planned, cost = (actual - earned) / earned, over the phases' budgets).
 */
final class ProjectReader {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProjectReader(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Views.Project read(UUID projectId) {
		Object[] row = this.jdbc.sql("""
				select community_id, name, starts_on, contingency_fen, contingency_released_fen, contingency_plan_open,
				       replan_required from renovation.project where id = :p""")
			.param("p", projectId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2),
					rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5), rs.getBoolean(6), rs.getBoolean(7) })
			.optional()
			.orElseThrow(() -> DomainException.notFound("renovation.project.notFound"));
		LocalDate startsOn = (LocalDate) row[2];
		LocalDate today = LocalDate.now(this.clock);
		List<Views.BudgetLine> lines = this.jdbc.sql("""
				select l.id, l.code, l.name, l.phase, l.amount_fen,
				  coalesce((select sum(d.amount_fen) from renovation.disbursement d join renovation.contract k
				            on k.id = d.contract_id where k.budget_line_id = l.id and d.status = 'DISBURSED'), 0),
				  coalesce((select sum(d.amount_fen) from renovation.disbursement d join renovation.contract k
				            on k.id = d.contract_id where k.budget_line_id = l.id and d.status <> 'CANCELLED'), 0)
				from renovation.budget_line l where l.project_id = :p order by l.phase, l.code""")
			.param("p", projectId)
			.query((rs, n) -> new Views.BudgetLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
		long budget = lines.stream().mapToLong(Views.BudgetLine::amountFen).sum();
		long plannedFunding = this.jdbc.sql("select coalesce(sum(planned_fen), 0) from renovation.funding_source where project_id = :p")
			.param("p", projectId).query(Long.class).single();
		List<Views.Source> sources = this.jdbc.sql("""
				select s.kind, s.planned_fen, coalesce((select sum(r.amount_fen) from renovation.fund_receipt r
				    where r.project_id = s.project_id and r.kind = s.kind), 0)
				from renovation.funding_source s where s.project_id = :p order by s.planned_fen desc""")
			.param("p", projectId)
			.query((rs, n) -> new Views.Source(FundingKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
					Amounts.percent(rs.getLong(2), plannedFunding).toPlainString()))
			.list();
		List<Views.Review> reviews = this.jdbc.sql("""
				select step, reviewer, reference, recorded_by, recorded_at from renovation.budget_review
				where project_id = :p order by recorded_at""")
			.param("p", projectId)
			.query((rs, n) -> new Views.Review(ReviewStep.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), odt(rs.getTimestamp(5))))
			.list();
		BigDecimal elapsedMonths = BigDecimal.valueOf(ChronoUnit.DAYS.between(startsOn, today))
			.multiply(BigDecimal.valueOf(12))
			.divide(BigDecimal.valueOf(365), 4, RoundingMode.HALF_UP);
		List<Views.Phase> phases = this.jdbc.sql("""
				select number, code, start_month, end_month, progress_percent from renovation.phase
				where project_id = :p order by number""")
			.param("p", projectId)
			.query((rs, n) -> new Views.Phase(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					planned(elapsedMonths, rs.getInt(3), rs.getInt(4))))
			.list();
		List<Views.Milestone> milestones = this.jdbc.sql("""
				select code, due_month, achieved_on, note from renovation.milestone where project_id = :p
				order by due_month""")
			.param("p", projectId)
			.query((rs, n) -> {
				LocalDate due = startsOn.plusMonths(rs.getInt(2));
				LocalDate achieved = rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate();
				return new Views.Milestone(rs.getString(1), rs.getInt(2), due, achieved, rs.getString(4),
						achieved == null && today.isAfter(due));
			})
			.list();
		List<Views.Contract> contracts = this.jdbc.sql("""
				select k.id, k.budget_line_id, k.contractor, k.title, k.amount_fen, k.signed_on, k.warranty_months,
				       k.accepted_on, coalesce((select sum(d.amount_fen) from renovation.disbursement d
				         where d.contract_id = k.id and d.status = 'DISBURSED'), 0)
				from renovation.contract k where k.project_id = :p order by k.signed_on, k.title""")
			.param("p", projectId)
			.query((rs, n) -> {
				LocalDate accepted = rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate();
				return new Views.Contract(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getLong(5), rs.getDate(6).toLocalDate(), rs.getInt(7), accepted,
						accepted == null ? null : accepted.plusMonths(rs.getInt(7)), rs.getLong(9));
			})
			.list();
		// earned value over the phases' budgets
		Map<Integer, Long> phaseBudget = lines.stream()
			.collect(Collectors.groupingBy(Views.BudgetLine::phase, Collectors.summingLong(Views.BudgetLine::amountFen)));
		BigDecimal planned = BigDecimal.ZERO;
		BigDecimal earned = BigDecimal.ZERO;
		for (Views.Phase phase : phases) {
			BigDecimal amount = BigDecimal.valueOf(phaseBudget.getOrDefault(phase.number(), 0L));
			planned = planned.add(amount.multiply(BigDecimal.valueOf(phase.plannedPercent())));
			earned = earned.add(amount.multiply(BigDecimal.valueOf(phase.progressPercent())));
		}
		BigDecimal actual = BigDecimal.valueOf(lines.stream().mapToLong(Views.BudgetLine::disbursedFen).sum())
			.multiply(BigDecimal.valueOf(100));
		BigDecimal schedule = planned.signum() == 0 ? BigDecimal.ZERO
				: planned.subtract(earned).multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
		BigDecimal cost = earned.signum() == 0 ? (actual.signum() > 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO)
				: actual.subtract(earned).multiply(BigDecimal.valueOf(100)).divide(earned, 1, RoundingMode.HALF_UP);
		return new Views.Project(projectId, (UUID) row[0], (String) row[1], startsOn, budget, (Long) row[3],
				(Long) row[4], (Boolean) row[5], (Boolean) row[6], reviews.size() == ReviewStep.values().length,
				status(schedule, cost), schedule.setScale(1).toPlainString(), cost.setScale(1).toPlainString(), lines,
				sources, reviews, phases, milestones, contracts);
	}

	/** Red/amber/green: only delays and overruns count; up to 5% green, up to 10% amber, over 10% red. */
	static String status(BigDecimal schedule, BigDecimal cost) {
		BigDecimal worst = schedule.max(cost);
		if (worst.compareTo(BigDecimal.valueOf(10)) > 0) {
			return "RED";
		}
		return worst.compareTo(BigDecimal.valueOf(5)) > 0 ? "AMBER" : "GREEN";
	}

	/** Planned progress of a phase of months [start, end] after the elapsed months, linear within the phase. */
	static int planned(BigDecimal elapsedMonths, int startMonth, int endMonth) {
		BigDecimal done = elapsedMonths.subtract(BigDecimal.valueOf(startMonth - 1L));
		if (done.signum() <= 0) {
			return 0;
		}
		BigDecimal length = BigDecimal.valueOf(endMonth - startMonth + 1L);
		if (done.compareTo(length) >= 0) {
			return 100;
		}
		return done.multiply(BigDecimal.valueOf(100)).divide(length, 0, RoundingMode.DOWN).intValue();
	}

	static java.time.OffsetDateTime odt(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.ofHours(8));
	}

}
