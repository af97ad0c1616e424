package org.linli.renovation.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.ledger.LedgerApi;
import org.linli.ledger.LedgerRecord;
import org.linli.renovation.Actor;
import org.linli.renovation.FundingKind;
import org.linli.renovation.ProjectPlan;
import org.linli.renovation.ReviewStep;
import org.linli.renovation.Views;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects, their budget (lines, three-step review, contingency), funding and receipts, schedule control (phases,
 * milestones, red/amber/green) and change requests. Every budget fact and fund receipt is appended to the ledger in
 * the same transaction.
 */
@Service
public class ProjectService {

	/** The plan's four phases over 24 months (DOMAIN.md §7). */
	static final List<Object[]> PHASES = List.of(new Object[] { 1, "BASIC_WORKS", 1, 6 },
			new Object[] { 2, "SERVICES", 7, 12 }, new Object[] { 3, "SMART_PLATFORM", 13, 18 },
			new Object[] { 4, "GOVERNANCE", 19, 24 });

	/** The six control milestones and their month. */
	static final Map<String, Integer> MILESTONES = new LinkedHashMap<>(
			Map.of("M3", 3, "M6", 6, "M9", 9, "M12", 12, "M18", 18, "M24", 24));

	private final JdbcClient jdbc;

	private final LedgerApi ledger;

	private final AuditApi audit;

	private final RenovationSettings settings;

	private final Clock clock;

	ProjectService(JdbcClient jdbc, LedgerApi ledger, AuditApi audit, RenovationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public UUID create(UUID communityId, ProjectPlan plan, Actor actor) {
		Violations violations = new Violations();
		if (plan.name() == null || plan.name().isBlank() || plan.name().length() > 200) {
			violations.add("name", "renovation.project.name");
		}
		if (plan.startsOn() == null) {
			violations.add("startsOn", "renovation.project.startsOn");
		}
		if (plan.budgetLines() == null || plan.budgetLines().isEmpty()) {
			violations.add("budgetLines", "renovation.budget.empty");
		}
		else {
			Set<String> codes = new HashSet<>();
			for (ProjectPlan.Line line : plan.budgetLines()) {
				if (line.code() == null || !line.code().matches("[A-Z][A-Z0-9_]{0,29}") || !codes.add(line.code())
						|| line.name() == null || line.name().isBlank() || line.phase() == null || line.phase() < 1
						|| line.phase() > 4 || line.amountFen() == null || line.amountFen() <= 0) {
					violations.add("budgetLines", "renovation.budget.line");
					break;
				}
			}
		}
		if (plan.fundingSources() != null) {
			Set<FundingKind> kinds = new HashSet<>();
			for (ProjectPlan.Source source : plan.fundingSources()) {
				if (source.kind() == null || !kinds.add(source.kind()) || source.plannedFen() == null
						|| source.plannedFen() < 0) {
					violations.add("fundingSources", "renovation.funding.source");
					break;
				}
			}
		}
		violations.throwIfAny();
		long total = plan.budgetLines().stream().mapToLong(ProjectPlan.Line::amountFen).sum();
		long contingency = total * this.settings.contingencyPercent() / 100;
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into renovation.project (id, community_id, name, starts_on, contingency_fen, created_at)
				values (:id, :c, :n, :s, :k, :t)""")
			.param("id", id).param("c", communityId).param("n", plan.name().trim())
			.param("s", Date.valueOf(plan.startsOn())).param("k", contingency).param("t", Timestamp.from(now))
			.update();
		for (Object[] phase : PHASES) {
			this.jdbc.sql("""
					insert into renovation.phase (community_id, project_id, number, code, start_month, end_month)
					values (:c, :p, :n, :code, :s, :e)""")
				.param("c", communityId).param("p", id).param("n", phase[0]).param("code", phase[1])
				.param("s", phase[2]).param("e", phase[3]).update();
		}
		MILESTONES.forEach((code, month) -> this.jdbc.sql("""
				insert into renovation.milestone (community_id, project_id, code, due_month) values (:c, :p, :code, :m)""")
			.param("c", communityId).param("p", id).param("code", code).param("m", month).update());
		List<Map<String, Object>> lines = new java.util.ArrayList<>();
		for (ProjectPlan.Line line : plan.budgetLines()) {
			this.jdbc.sql("""
					insert into renovation.budget_line (id, community_id, project_id, code, name, phase, amount_fen)
					values (:id, :c, :p, :code, :n, :ph, :a)""")
				.param("id", UUID.randomUUID()).param("c", communityId).param("p", id).param("code", line.code())
				.param("n", line.name().trim()).param("ph", line.phase()).param("a", line.amountFen()).update();
			lines.add(Map.of("code", line.code(), "name", line.name().trim(), "amountFen", line.amountFen()));
		}
		List<Map<String, Object>> sources = new java.util.ArrayList<>();
		for (ProjectPlan.Source source : plan.fundingSources() == null ? List.<ProjectPlan.Source>of()
				: plan.fundingSources()) {
			this.jdbc.sql("""
					insert into renovation.funding_source (community_id, project_id, kind, planned_fen)
					values (:c, :p, :k, :a)""")
				.param("c", communityId).param("p", id).param("k", source.kind().name())
				.param("a", source.plannedFen()).update();
			sources.add(Map.of("kind", source.kind().name(), "plannedFen", source.plannedFen()));
		}
		this.ledger.append(communityId, new LedgerRecord("BUDGET_PLANNED", Map.of("projectId", id.toString(),
				"project", plan.name().trim(), "budgetLines", lines, "fundingSources", sources, "totalFen", total,
				"contingencyFen", contingency)));
		record(actor, "renovation.project.create", id, plan.name());
		return id;
	}

	/** Records the next step of the budget review; the order is project unit, finance, third party. */
	@Transactional
	public void review(UUID projectId, ReviewStep step, String reviewer, String reference, Actor actor) {
		UUID communityId = lock(projectId);
		if (step == null) {
			throw DomainException.invalid("step", "renovation.review.step");
		}
		if (reviewer == null || reviewer.isBlank() || reviewer.length() > 200) {
			throw DomainException.invalid("reviewer", "renovation.review.reviewer");
		}
		int done = this.jdbc.sql("select count(*) from renovation.budget_review where project_id = :p")
			.param("p", projectId).query(Integer.class).single();
		if (done != step.ordinal()) {
			throw DomainException.conflict("renovation.review.order", ReviewStep.values()[Math.min(done, 2)]);
		}
		this.jdbc.sql("""
				insert into renovation.budget_review (community_id, project_id, step, reviewer, reference, recorded_by,
				    recorded_at) values (:c, :p, :s, :r, :ref, :by, :t)""")
			.param("c", communityId).param("p", projectId).param("s", step.name()).param("r", reviewer.trim())
			.param("ref", reference).param("by", actor.username()).param("t", Timestamp.from(this.clock.instant()))
			.update();
		this.ledger.append(communityId, new LedgerRecord("BUDGET_REVIEW", Map.of("projectId", projectId.toString(),
				"step", step.name(), "reviewer", reviewer.trim(), "reference", reference == null ? "" : reference)));
		record(actor, "renovation.budget.review", projectId, step.name());
	}

	@Transactional
	public UUID receive(UUID projectId, FundingKind kind, Long amountFen, LocalDate receivedOn, String reference,
			Actor actor) {
		UUID communityId = lock(projectId);
		Violations violations = new Violations();
		boolean known = kind != null && this.jdbc.sql("""
				select count(*) from renovation.funding_source where project_id = :p and kind = :k""")
			.param("p", projectId).param("k", kind.name()).query(Integer.class).single() == 1;
		if (!known) {
			violations.add("kind", "renovation.funding.unknown");
		}
		if (amountFen == null || amountFen <= 0) {
			violations.add("amountFen", "renovation.amount.positive");
		}
		if (receivedOn == null) {
			violations.add("receivedOn", "renovation.date.required");
		}
		if (reference == null || reference.isBlank() || reference.length() > 100) {
			violations.add("reference", "renovation.reference.required");
		}
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		long index = this.ledger.append(communityId, new LedgerRecord("FUND_RECEIPT", Map.of("projectId",
				projectId.toString(), "receiptId", id.toString(), "source", kind.name(), "amountFen", amountFen,
				"amount", Amounts.yuan(amountFen), "receivedOn", receivedOn.toString(), "reference", reference.trim())))
			.index();
		this.jdbc.sql("""
				insert into renovation.fund_receipt (id, community_id, project_id, kind, amount_fen, received_on,
				    reference, recorded_by, ledger_index) values (:id, :c, :p, :k, :a, :d, :r, :by, :i)""")
			.param("id", id).param("c", communityId).param("p", projectId).param("k", kind.name())
			.param("a", amountFen).param("d", Date.valueOf(receivedOn)).param("r", reference.trim())
			.param("by", actor.username()).param("i", index).update();
		record(actor, "renovation.fund.receipt", projectId, kind + " " + Amounts.yuan(amountFen));
		return id;
	}

	@Transactional
	public void progress(UUID projectId, int phase, Integer percent, Actor actor) {
		lock(projectId);
		if (percent == null || percent < 0 || percent > 100) {
			throw DomainException.invalid("progressPercent", "renovation.progress.range");
		}
		int changed = this.jdbc.sql("""
				update renovation.phase set progress_percent = :v where project_id = :p and number = :n""")
			.param("v", percent).param("p", projectId).param("n", phase).update();
		if (changed == 0) {
			throw DomainException.notFound("renovation.phase.notFound");
		}
		record(actor, "renovation.phase.progress", projectId, "phase " + phase + ": " + percent + "%");
		openContingencyPlanIfDeviating(projectId, actor);
	}

	@Transactional
	public void achieve(UUID projectId, String code, LocalDate achievedOn, String note, Actor actor) {
		UUID communityId = lock(projectId);
		LocalDate on = achievedOn == null ? LocalDate.now(this.clock) : achievedOn;
		int changed = this.jdbc.sql("""
				update renovation.milestone set achieved_on = :d, note = :n
				where project_id = :p and code = :code and achieved_on is null""")
			.param("d", Date.valueOf(on)).param("n", note).param("p", projectId).param("code", code).update();
		if (changed == 0) {
			throw DomainException.conflict("renovation.milestone.notOpen", code);
		}
		this.ledger.append(communityId, new LedgerRecord("MILESTONE", Map.of("projectId", projectId.toString(),
				"milestone", code, "achievedOn", on.toString())));
		record(actor, "renovation.milestone.achieve", projectId, code);
	}

	/** A deviation over 10% (schedule or cost) opens the contingency plan; it stays open once opened. */
	void openContingencyPlanIfDeviating(UUID projectId, Actor actor) {
		Views.Project project = view(projectId);
		if (!project.contingencyPlanOpen() && "RED".equals(project.status())) {
			this.jdbc.sql("update renovation.project set contingency_plan_open = true where id = :p")
				.param("p", projectId).update();
			record(actor, "renovation.contingencyPlan.open", projectId,
					"schedule " + project.scheduleDeviation() + "%, cost " + project.costDeviation() + "%");
		}
	}

	@Transactional
	public UUID requestChange(UUID projectId, UUID budgetLineId, Long deltaFen, String reason, Actor actor) {
		UUID communityId = lock(projectId);
		Long lineAmount = this.jdbc.sql("""
				select amount_fen from renovation.budget_line where id = :l and project_id = :p""")
			.param("l", budgetLineId).param("p", projectId).query(Long.class).optional().orElse(null);
		Violations violations = new Violations();
		if (lineAmount == null) {
			violations.add("budgetLineId", "renovation.budget.lineUnknown");
		}
		if (deltaFen == null || deltaFen == 0) {
			violations.add("deltaFen", "renovation.change.delta");
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			violations.add("reason", "renovation.change.reason");
		}
		violations.throwIfAny();
		String level = ChangeLevel.of(Math.abs(deltaFen), lineAmount).name();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into renovation.change_request (id, community_id, project_id, budget_line_id, delta_fen, reason,
				    level, status, requested_by, requested_at) values (:id, :c, :p, :l, :d, :r, :lv, 'PENDING', :by, :t)""")
			.param("id", id).param("c", communityId).param("p", projectId).param("l", budgetLineId)
			.param("d", deltaFen).param("r", reason.trim()).param("lv", level).param("by", actor.username())
			.param("t", Timestamp.from(this.clock.instant())).update();
		record(actor, "renovation.change.request", projectId, level + " " + Amounts.yuan(deltaFen));
		return id;
	}

	/**
	 * Approves a change at the level its size demands: the project team decides up to 10%; above that a decision of
	 * the leading group (10-20%) or of a special meeting (over 20%, and the project must be re-planned) is cited.
	 */
	@Transactional
	public void approveChange(UUID changeId, String decisionRef, Actor actor) {
		var change = this.jdbc.sql("""
				select project_id, budget_line_id, delta_fen, level, status from renovation.change_request where id = :id""")
			.param("id", changeId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
					rs.getString(4), rs.getString(5) })
			.optional().orElseThrow(() -> DomainException.notFound("renovation.change.notFound"));
		UUID projectId = (UUID) change[0];
		UUID communityId = lock(projectId);
		if (!"PENDING".equals(change[4])) {
			throw DomainException.conflict("renovation.change.decided");
		}
		ChangeLevel level = ChangeLevel.valueOf((String) change[3]);
		if (level != ChangeLevel.TEAM && (decisionRef == null || decisionRef.isBlank())) {
			throw DomainException.invalid("decisionRef", "renovation.change.decisionRef." + level.name());
		}
		long delta = (Long) change[2];
		long lineAmount = this.jdbc.sql("select amount_fen from renovation.budget_line where id = :l")
			.param("l", change[1]).query(Long.class).single();
		long committed = committedOnLine((UUID) change[1]);
		if (lineAmount + delta < committed) {
			throw DomainException.conflict("renovation.change.belowCommitted", Amounts.yuan(committed));
		}
		this.jdbc.sql("update renovation.budget_line set amount_fen = amount_fen + :d, version = version + 1 where id = :l")
			.param("d", delta).param("l", change[1]).update();
		this.jdbc.sql("""
				update renovation.change_request set status = 'APPROVED', decision_ref = :r, decided_by = :by,
				    decided_at = :t, version = version + 1 where id = :id""")
			.param("r", decisionRef).param("by", actor.username()).param("t", Timestamp.from(this.clock.instant()))
			.param("id", changeId).update();
		if (level == ChangeLevel.SPECIAL_MEETING) {
			this.jdbc.sql("update renovation.project set replan_required = true where id = :p").param("p", projectId)
				.update();
		}
		this.ledger.append(communityId, new LedgerRecord("BUDGET_CHANGE", Map.of("projectId", projectId.toString(),
				"budgetLineId", change[1].toString(), "deltaFen", delta, "level", level.name(), "decisionRef",
				decisionRef == null ? "" : decisionRef)));
		record(actor, "renovation.change.approve", projectId, level + " " + Amounts.yuan(delta));
	}

	/** Moves money from the contingency reserve to a budget line, citing the decision that releases it. */
	@Transactional
	public void releaseContingency(UUID projectId, UUID budgetLineId, Long amountFen, String decisionRef,
			Actor actor) {
		UUID communityId = lock(projectId);
		Violations violations = new Violations();
		boolean known = this.jdbc.sql("select count(*) from renovation.budget_line where id = :l and project_id = :p")
			.param("l", budgetLineId).param("p", projectId).query(Integer.class).single() == 1;
		if (!known) {
			violations.add("budgetLineId", "renovation.budget.lineUnknown");
		}
		if (amountFen == null || amountFen <= 0) {
			violations.add("amountFen", "renovation.amount.positive");
		}
		if (decisionRef == null || decisionRef.isBlank() || decisionRef.length() > 100) {
			violations.add("decisionRef", "renovation.contingency.decisionRef");
		}
		violations.throwIfAny();
		long remaining = this.jdbc.sql("""
				select contingency_fen - contingency_released_fen from renovation.project where id = :p""")
			.param("p", projectId).query(Long.class).single();
		if (amountFen > remaining) {
			throw DomainException.invalid("amountFen", "renovation.contingency.exceeded", Amounts.yuan(remaining));
		}
		this.jdbc.sql("""
				update renovation.project set contingency_released_fen = contingency_released_fen + :a,
				    version = version + 1 where id = :p""").param("a", amountFen).param("p", projectId).update();
		this.jdbc.sql("update renovation.budget_line set amount_fen = amount_fen + :a, version = version + 1 where id = :l")
			.param("a", amountFen).param("l", budgetLineId).update();
		this.jdbc.sql("""
				insert into renovation.contingency_release (id, community_id, project_id, budget_line_id, amount_fen,
				    decision_ref, decided_by, decided_at) values (:id, :c, :p, :l, :a, :r, :by, :t)""")
			.param("id", UUID.randomUUID()).param("c", communityId).param("p", projectId).param("l", budgetLineId)
			.param("a", amountFen).param("r", decisionRef.trim()).param("by", actor.username())
			.param("t", Timestamp.from(this.clock.instant())).update();
		this.ledger.append(communityId, new LedgerRecord("CONTINGENCY_RELEASE", Map.of("projectId",
				projectId.toString(), "budgetLineId", budgetLineId.toString(), "amountFen", amountFen, "decisionRef",
				decisionRef.trim())));
		record(actor, "renovation.contingency.release", projectId, Amounts.yuan(amountFen) + " " + decisionRef);
	}

	/** Money committed on a line: every disbursement not cancelled, requested or paid. */
	long committedOnLine(UUID budgetLineId) {
		return this.jdbc.sql("""
				select coalesce(sum(d.amount_fen), 0) from renovation.disbursement d
				join renovation.contract k on k.id = d.contract_id
				where k.budget_line_id = :l and d.status <> 'CANCELLED'""")
			.param("l", budgetLineId).query(Long.class).single();
	}

	public boolean exists(UUID projectId) {
		return this.jdbc.sql("select count(*) from renovation.project where id = :p").param("p", projectId)
			.query(Integer.class).single() > 0;
	}

	public UUID communityOf(UUID projectId) {
		return this.jdbc.sql("select community_id from renovation.project where id = :p").param("p", projectId)
			.query(UUID.class).optional().orElseThrow(() -> DomainException.notFound("renovation.project.notFound"));
	}

	/** Locks the project row (one writer at a time per project) and returns its community. */
	UUID lock(UUID projectId) {
		return this.jdbc.sql("select community_id from renovation.project where id = :p for update")
			.param("p", projectId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("renovation.project.notFound"));
	}

	public List<UUID> projectsOf(UUID communityId) {
		return this.jdbc.sql("select id from renovation.project where community_id = :c order by created_at")
			.param("c", communityId).query(UUID.class).list();
	}

	@Transactional(readOnly = true)
	public Views.Project view(UUID projectId) {
		return new ProjectReader(this.jdbc, this.clock).read(projectId);
	}

	@Transactional(readOnly = true)
	public List<Views.Receipt> receipts(UUID projectId) {
		return this.jdbc.sql("""
				select id, kind, amount_fen, received_on, reference, ledger_index from renovation.fund_receipt
				where project_id = :p order by received_on, ledger_index""")
			.param("p", projectId)
			.query((rs, n) -> new Views.Receipt(rs.getObject(1, UUID.class), FundingKind.valueOf(rs.getString(2)),
					rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getLong(6)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Views.ChangeRequest> changes(UUID projectId) {
		return this.jdbc.sql("""
				select id, budget_line_id, delta_fen, reason, level, status, decision_ref, requested_by, decided_by
				from renovation.change_request where project_id = :p order by requested_at""")
			.param("p", projectId)
			.query((rs, n) -> new Views.ChangeRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Views.ContingencyRelease> contingencyReleases(UUID projectId) {
		return this.jdbc.sql("""
				select budget_line_id, amount_fen, decision_ref, decided_by, decided_at
				from renovation.contingency_release where project_id = :p order by decided_at""")
			.param("p", projectId)
			.query((rs, n) -> new Views.ContingencyRelease(rs.getObject(1, UUID.class), rs.getLong(2),
					rs.getString(3), rs.getString(4), ProjectReader.odt(rs.getTimestamp(5))))
			.list();
	}

	/** The project a change request belongs to. */
	public UUID projectOfChange(UUID changeId) {
		return this.jdbc.sql("select project_id from renovation.change_request where id = :id").param("id", changeId)
			.query(UUID.class).optional().orElseThrow(() -> DomainException.notFound("renovation.change.notFound"));
	}

	void record(Actor actor, String action, UUID projectId, String detail) {
		this.audit.record(new AuditRecord(actor.username(), action, "renovation-project:" + projectId,
				AuditRecord.Result.SUCCESS, null, detail));
	}

}
