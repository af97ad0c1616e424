package org.linli.renovation.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.ledger.LedgerApi;
import org.linli.ledger.LedgerRecord;
import org.linli.renovation.Actor;
import org.linli.renovation.FundUseDecisions;
import org.linli.renovation.PaymentStage;
import org.linli.renovation.Views;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts and their staged payments. A disbursement is requested against a contract, signed by three different
 * accounts (owners' representative, supervising engineer, project manager, each with a fresh second factor outside
 * demo mode) and then released; the caps, the budget line and the maintenance-fund rule are checked on request and
 * again, under the project lock, on release. Request, each signature and the release are ledger entries; a release
 * also publishes a signed tree head.
 */
@Service
public class DisbursementService {

	/** The three parties who sign every disbursement (三方签字). */
	public static final List<Role> SIGNING_ROLES = List.of(Role.OWNER_REPRESENTATIVE, Role.SUPERVISING_ENGINEER,
			Role.PROJECT_MANAGER);

	/** Emergencies that open the maintenance fund without a vote, once the street office confirms. */
	public static final Set<String> EMERGENCIES = Set.of("ELEVATOR_HAZARD", "FIRE_EQUIPMENT", "FACADE_FALLING",
			"WATER_SUPPLY");

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final LedgerApi ledger;

	private final IdentityApi identity;

	private final ObjectProvider<FundUseDecisions> fundUseDecisions;

	private final RenovationSettings settings;

	private final Clock clock;

	DisbursementService(JdbcClient jdbc, ProjectService projects, LedgerApi ledger, IdentityApi identity,
			ObjectProvider<FundUseDecisions> fundUseDecisions, RenovationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.ledger = ledger;
		this.identity = identity;
		this.fundUseDecisions = fundUseDecisions;
		this.settings = settings;
		this.clock = clock;
	}

	/** A contract as the rules need it. */
	record ContractRow(UUID id, UUID projectId, UUID communityId, UUID budgetLineId, long amountFen,
			LocalDate acceptedOn, int warrantyMonths) {

		LocalDate warrantyEndsOn() {
			return this.acceptedOn == null ? null : this.acceptedOn.plusMonths(this.warrantyMonths);
		}

	}

	@Transactional
	public UUID createContract(UUID projectId, UUID budgetLineId, String contractor, String title, Long amountFen,
			LocalDate signedOn, Integer warrantyMonths, Actor actor) {
		UUID communityId = this.projects.lock(projectId);
		Violations violations = new Violations();
		boolean known = budgetLineId != null && this.jdbc.sql("""
				select count(*) from renovation.budget_line where id = :l and project_id = :p""")
			.param("l", budgetLineId).param("p", projectId).query(Integer.class).single() == 1;
		violations.require(known, "budgetLineId", "renovation.budget.lineUnknown");
		violations.require(contractor != null && !contractor.isBlank() && contractor.length() <= 200, "contractor",
				"renovation.contract.contractor");
		violations.require(title != null && !title.isBlank() && title.length() <= 200, "title",
				"renovation.contract.title");
		violations.require(amountFen != null && amountFen > 0, "amountFen", "renovation.amount.positive");
		violations.require(signedOn != null, "signedOn", "renovation.date.required");
		violations.require(warrantyMonths != null && warrantyMonths >= 0 && warrantyMonths <= 120, "warrantyMonths",
				"renovation.contract.warranty");
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into renovation.contract (id, community_id, project_id, budget_line_id, contractor, title,
				    amount_fen, signed_on, warranty_months) values (:id, :c, :p, :l, :k, :t, :a, :s, :w)""")
			.param("id", id).param("c", communityId).param("p", projectId).param("l", budgetLineId)
			.param("k", contractor.trim()).param("t", title.trim()).param("a", amountFen)
			.param("s", Date.valueOf(signedOn)).param("w", warrantyMonths).update();
		this.ledger.append(communityId, new LedgerRecord("CONTRACT", Map.of("projectId", projectId.toString(),
				"contractId", id.toString(), "budgetLineId", budgetLineId.toString(), "contractor", contractor.trim(),
				"title", title.trim(), "amountFen", amountFen, "signedOn", signedOn.toString())));
		this.projects.record(actor, "renovation.contract.create", projectId, title + " " + Amounts.yuan(amountFen));
		return id;
	}

	@Transactional
	public void accept(UUID contractId, LocalDate acceptedOn, Actor actor) {
		ContractRow contract = lockContract(contractId);
		if (contract.acceptedOn() != null) {
			throw DomainException.conflict("renovation.contract.accepted");
		}
		LocalDate on = acceptedOn == null ? LocalDate.now(this.clock) : acceptedOn;
		this.jdbc.sql("update renovation.contract set accepted_on = :d, version = version + 1 where id = :id")
			.param("d", Date.valueOf(on)).param("id", contractId).update();
		this.ledger.append(contract.communityId(), new LedgerRecord("ACCEPTANCE", Map.of("projectId",
				contract.projectId().toString(), "contractId", contractId.toString(), "acceptedOn", on.toString())));
		this.projects.record(actor, "renovation.contract.accept", contract.projectId(), contractId.toString());
	}

	/** What a request carries. */
	public record Request(PaymentStage stage, Long amountFen, String purpose, boolean maintenanceFund, UUID voteId,
			String emergencyKind) {
	}

	@Transactional
	public UUID request(UUID contractId, Request request, Actor actor) {
		ContractRow contract = lockContract(contractId);
		Violations violations = new Violations();
		violations.require(request.stage() != null, "stage", "renovation.disbursement.stage");
		violations.require(request.amountFen() != null && request.amountFen() > 0, "amountFen",
				"renovation.amount.positive");
		violations.require(request.purpose() != null && !request.purpose().isBlank()
				&& request.purpose().length() <= 500, "purpose", "renovation.disbursement.purpose");
		violations.require(request.emergencyKind() == null || EMERGENCIES.contains(request.emergencyKind()),
				"emergencyKind", "renovation.disbursement.emergencyKind");
		violations.require(request.maintenanceFund() || (request.voteId() == null && request.emergencyKind() == null),
				"maintenanceFund", "renovation.disbursement.notMaintenanceFund");
		violations.require(!request.maintenanceFund() || request.voteId() != null || request.emergencyKind() != null,
				"voteId", "renovation.disbursement.fundUseBasis");
		violations.throwIfAny();
		checkBudgetApproved(contract.projectId());
		checkLimits(contract, request.stage(), request.amountFen(), null);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into renovation.disbursement (id, community_id, project_id, contract_id, stage, amount_fen, purpose,
				    maintenance_fund, vote_id, emergency_kind, status, requested_by, requested_at)
				values (:id, :c, :p, :k, :s, :a, :pu, :m, :v, :e, 'PENDING', :by, :t)""")
			.param("id", id).param("c", contract.communityId()).param("p", contract.projectId())
			.param("k", contractId).param("s", request.stage().name()).param("a", request.amountFen())
			.param("pu", request.purpose().trim()).param("m", request.maintenanceFund()).param("v", request.voteId())
			.param("e", request.emergencyKind()).param("by", actor.username()).param("t", Timestamp.from(now))
			.update();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("projectId", contract.projectId().toString());
		data.put("disbursementId", id.toString());
		data.put("contractId", contractId.toString());
		data.put("stage", request.stage().name());
		data.put("amountFen", request.amountFen());
		data.put("amount", Amounts.yuan(request.amountFen()));
		data.put("purpose", request.purpose().trim());
		data.put("maintenanceFund", request.maintenanceFund());
		if (request.voteId() != null) {
			data.put("voteId", request.voteId().toString());
		}
		this.ledger.append(contract.communityId(), new LedgerRecord("DISBURSEMENT_REQUESTED", data));
		this.projects.record(actor, "renovation.disbursement.request", contract.projectId(),
				request.stage() + " " + Amounts.yuan(request.amountFen()));
		return id;
	}

	/**
	 * One of the three signatures. The signer signs in one of the three roles they hold (named when they hold more
	 * than one), never twice on one request, and proves a fresh second factor.
	 */
	@Transactional
	public void sign(UUID disbursementId, Role asRole, String totp, Actor actor) {
		Object[] row = lockDisbursement(disbursementId);
		UUID communityId = (UUID) row[1];
		if (!"PENDING".equals(row[3])) {
			throw DomainException.conflict("renovation.disbursement.notPending");
		}
		List<Role> held = SIGNING_ROLES.stream().filter(actor::has).toList();
		Role role = asRole != null ? asRole : (held.size() == 1 ? held.getFirst() : null);
		if (role == null || !held.contains(role)) {
			throw DomainException.invalid("role", "renovation.signature.role");
		}
		List<Object[]> signatures = signatureRows(disbursementId);
		if (signatures.stream().anyMatch(s -> actor.accountId().equals(s[1]))) {
			throw DomainException.conflict("renovation.signature.samePerson");
		}
		if (signatures.stream().anyMatch(s -> role.name().equals(s[0]))) {
			throw DomainException.conflict("renovation.signature.roleSigned", role.name());
		}
		if (!this.identity.confirmSecondFactor(actor.accountId(), totp)) {
			throw DomainException.invalid("totp", "renovation.signature.totp");
		}
		Instant now = this.clock.instant();
		long index = this.ledger.append(communityId, new LedgerRecord("SIGNATURE", Map.of("disbursementId",
				disbursementId.toString(), "role", role.name(), "signedAt", now.toString()))).index();
		this.jdbc.sql("""
				insert into renovation.signature (community_id, disbursement_id, role, account_id, username, signed_at,
				    ledger_index) values (:c, :d, :r, :a, :u, :t, :i)""")
			.param("c", communityId).param("d", disbursementId).param("r", role.name())
			.param("a", actor.accountId()).param("u", actor.username()).param("t", Timestamp.from(now))
			.param("i", index).update();
		this.projects.record(actor, "renovation.disbursement.sign", (UUID) row[2], role.name());
	}

	/** The street office confirms an emergency, which lets the maintenance fund pay without an owners' vote. */
	@Transactional
	public void confirmEmergency(UUID disbursementId, Actor actor) {
		Object[] row = lockDisbursement(disbursementId);
		if (!actor.has(Role.STREET_OFFICER)) {
			throw DomainException.conflict("renovation.emergency.streetOnly");
		}
		String kind = this.jdbc.sql("select emergency_kind from renovation.disbursement where id = :d")
			.param("d", disbursementId).query(String.class).optional().orElse(null);
		if (kind == null) {
			throw DomainException.conflict("renovation.emergency.none");
		}
		this.jdbc.sql("""
				update renovation.disbursement set emergency_confirmed_by = :u, emergency_confirmed_at = :t,
				    version = version + 1 where id = :d""")
			.param("u", actor.username()).param("t", Timestamp.from(this.clock.instant()))
			.param("d", disbursementId).update();
		this.ledger.append((UUID) row[1], new LedgerRecord("EMERGENCY_CONFIRMED", Map.of("disbursementId",
				disbursementId.toString(), "emergency", kind, "confirmedBy", "STREET_OFFICE")));
		this.projects.record(actor, "renovation.emergency.confirm", (UUID) row[2], kind);
	}

	/** Pays out a fully signed request: rules checked again, ledger entry, signed tree head. */
	@Transactional
	public void release(UUID disbursementId, Actor actor) {
		Object[] row = lockDisbursement(disbursementId);
		UUID communityId = (UUID) row[1];
		UUID projectId = (UUID) row[2];
		if (!"PENDING".equals(row[3])) {
			throw DomainException.conflict("renovation.disbursement.notPending");
		}
		List<Object[]> signatures = signatureRows(disbursementId);
		if (signatures.size() < SIGNING_ROLES.size()) {
			List<String> missing = SIGNING_ROLES.stream().map(Role::name)
				.filter(role -> signatures.stream().noneMatch(s -> role.equals(s[0])))
				.toList();
			throw DomainException.conflict("renovation.disbursement.unsigned", String.join(", ", missing));
		}
		var d = this.jdbc.sql("""
				select contract_id, stage, amount_fen, maintenance_fund, vote_id, emergency_kind, emergency_confirmed_by
				from renovation.disbursement where id = :d""")
			.param("d", disbursementId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
					rs.getBoolean(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7) })
			.single();
		if ((Boolean) d[3]) {
			FundUseDecisions decisions = this.fundUseDecisions.getIfAvailable();
			boolean voted = d[4] != null && decisions != null && decisions.isAdoptedFundUse(communityId, (UUID) d[4]);
			boolean emergency = d[5] != null && d[6] != null;
			if (!voted && !emergency) {
				throw DomainException.conflict("renovation.disbursement.fundUse");
			}
		}
		ContractRow contract = contract((UUID) d[0]);
		checkLimits(contract, PaymentStage.valueOf((String) d[1]), (Long) d[2], disbursementId);
		Instant now = this.clock.instant();
		long index = this.ledger.append(communityId, new LedgerRecord("DISBURSEMENT", Map.of("projectId",
				projectId.toString(), "disbursementId", disbursementId.toString(), "contractId", d[0].toString(),
				"budgetLineId", contract.budgetLineId().toString(), "stage", d[1], "amountFen", d[2], "amount",
				Amounts.yuan((Long) d[2]), "signedBy", SIGNING_ROLES.stream().map(Role::name).toList()))).index();
		this.jdbc.sql("""
				update renovation.disbursement set status = 'DISBURSED', disbursed_at = :t, ledger_index = :i,
				    version = version + 1 where id = :d""")
			.param("t", Timestamp.from(now)).param("i", index).param("d", disbursementId).update();
		this.ledger.publishTreeHead(communityId);
		this.projects.record(actor, "renovation.disbursement.release", projectId, Amounts.yuan((Long) d[2]));
		this.projects.openContingencyPlanIfDeviating(projectId, actor);
	}

	@Transactional
	public void cancel(UUID disbursementId, Actor actor) {
		Object[] row = lockDisbursement(disbursementId);
		if (!"PENDING".equals(row[3])) {
			throw DomainException.conflict("renovation.disbursement.notPending");
		}
		this.jdbc.sql("update renovation.disbursement set status = 'CANCELLED', version = version + 1 where id = :d")
			.param("d", disbursementId).update();
		this.ledger.append((UUID) row[1], new LedgerRecord("DISBURSEMENT_CANCELLED",
				Map.of("disbursementId", disbursementId.toString())));
		this.projects.record(actor, "renovation.disbursement.cancel", (UUID) row[2], disbursementId.toString());
	}

	private void checkBudgetApproved(UUID projectId) {
		int reviews = this.jdbc.sql("select count(*) from renovation.budget_review where project_id = :p")
			.param("p", projectId).query(Integer.class).single();
		if (reviews < 3) {
			throw DomainException.conflict("renovation.budget.notApproved");
		}
	}

	/** Stage caps of the contract and the budget line, counting every other request not cancelled. */
	private void checkLimits(ContractRow contract, PaymentStage stage, long amountFen, UUID excluding) {
		UUID other = excluding == null ? new UUID(0, 0) : excluding;
		long progress = this.jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from renovation.disbursement
				where contract_id = :k and status <> 'CANCELLED' and stage = 'PROGRESS' and id <> :x""")
			.param("k", contract.id()).param("x", other).query(Long.class).single();
		long total = this.jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from renovation.disbursement
				where contract_id = :k and status <> 'CANCELLED' and id <> :x""")
			.param("k", contract.id()).param("x", other).query(Long.class).single();
		PaymentRules.check(this.settings, stage, contract.amountFen(), progress, total, amountFen,
				contract.acceptedOn(), contract.warrantyEndsOn(), LocalDate.now(this.clock));
		long line = this.jdbc.sql("select amount_fen from renovation.budget_line where id = :l")
			.param("l", contract.budgetLineId()).query(Long.class).single();
		long committed = this.projects.committedOnLine(contract.budgetLineId())
				- (excluding == null ? 0 : amountFen);
		if (committed + amountFen > line) {
			throw DomainException.invalid("amountFen", "renovation.disbursement.overspend",
					Amounts.yuan(line - committed));
		}
	}

	private ContractRow lockContract(UUID contractId) {
		UUID projectId = this.jdbc.sql("select project_id from renovation.contract where id = :id")
			.param("id", contractId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.contract.notFound"));
		this.projects.lock(projectId);
		return contract(contractId);
	}

	private ContractRow contract(UUID contractId) {
		return this.jdbc.sql("""
				select id, project_id, community_id, budget_line_id, amount_fen, accepted_on, warranty_months
				from renovation.contract where id = :id""")
			.param("id", contractId)
			.query((rs, n) -> new ContractRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getLong(5),
					rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getInt(7)))
			.single();
	}

	/** Locks the project of the disbursement; returns id, community, project and status. */
	private Object[] lockDisbursement(UUID disbursementId) {
		UUID projectId = this.jdbc.sql("select project_id from renovation.disbursement where id = :d")
			.param("d", disbursementId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.disbursement.notFound"));
		this.projects.lock(projectId);
		return this.jdbc.sql("select id, community_id, project_id, status from renovation.disbursement where id = :d")
			.param("d", disbursementId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4) })
			.single();
	}

	private List<Object[]> signatureRows(UUID disbursementId) {
		return this.jdbc.sql("select role, account_id from renovation.signature where disbursement_id = :d")
			.param("d", disbursementId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, UUID.class) })
			.list();
	}

	public UUID communityOfDisbursement(UUID disbursementId) {
		return this.jdbc.sql("select community_id from renovation.disbursement where id = :d")
			.param("d", disbursementId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.disbursement.notFound"));
	}

	public UUID projectOfContract(UUID contractId) {
		return this.jdbc.sql("select project_id from renovation.contract where id = :k")
			.param("k", contractId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.contract.notFound"));
	}

	public UUID projectOfDisbursement(UUID disbursementId) {
		return this.jdbc.sql("select project_id from renovation.disbursement where id = :d")
			.param("d", disbursementId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.disbursement.notFound"));
	}

	public UUID communityOfContract(UUID contractId) {
		return this.jdbc.sql("select community_id from renovation.contract where id = :k")
			.param("k", contractId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("renovation.contract.notFound"));
	}

	@Transactional(readOnly = true)
	public Views.Disbursement view(UUID disbursementId) {
		List<Views.Signature> signatures = this.jdbc.sql("""
				select role, username, signed_at, ledger_index from renovation.signature where disbursement_id = :d
				order by signed_at""")
			.param("d", disbursementId)
			.query((rs, n) -> new Views.Signature(rs.getString(1), rs.getString(2),
					ProjectReader.odt(rs.getTimestamp(3)), rs.getLong(4)))
			.list();
		return this.jdbc.sql("""
				select id, project_id, contract_id, stage, amount_fen, purpose, maintenance_fund, vote_id, emergency_kind,
				       emergency_confirmed_by, status, requested_by, requested_at, disbursed_at, ledger_index
				from renovation.disbursement where id = :d""")
			.param("d", disbursementId)
			.query((rs, n) -> new Views.Disbursement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), PaymentStage.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
					rs.getBoolean(7), rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10), rs.getString(11),
					rs.getString(12), ProjectReader.odt(rs.getTimestamp(13)), ProjectReader.odt(rs.getTimestamp(14)),
					(Long) rs.getObject(15), signatures))
			.optional()
			.orElseThrow(() -> DomainException.notFound("renovation.disbursement.notFound"));
	}

	@Transactional(readOnly = true)
	public List<Views.Disbursement> ofProject(UUID projectId) {
		return this.jdbc.sql("select id from renovation.disbursement where project_id = :p order by requested_at")
			.param("p", projectId).query(UUID.class).list().stream().map(this::view).toList();
	}

}
