package org.linli.access.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linli.registry.HouseholdView;
import org.linli.registry.RegistryApi;
import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.Masking;
import org.linli.shared.person.MobileNumber;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitor passes (访客通行): a resident registers a guest for a time window; the guest shows the signed QR code; the
 * guard's page (or a door) verifies it and the visit is logged from the pass, with nothing typed in again.
 */
@Service
public class VisitorPasses {

	/** The longest window a resident may give a guest. */
	static final Duration MAX_WINDOW = Duration.ofDays(7);

	public record Pass(UUID id, UUID communityId, UUID householdId, String guestName, String guestPhone,
			OffsetDateTime validFrom, OffsetDateTime validUntil, String status, OffsetDateTime createdAt) {
	}

	/** What the guard sees after scanning: the result and the pass (guest name masked). */
	public record Verification(String result, Pass pass) {

		public boolean admitted() {
			return "VALID".equals(this.result);
		}

	}

	private final JdbcClient jdbc;

	private final RegistryApi registry;

	private final QrSigner signer;

	private final FieldCipher cipher;

	private final Clock clock;

	VisitorPasses(JdbcClient jdbc, RegistryApi registry, QrSigner signer, FieldCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.signer = signer;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** The resident's own household (passes belong to it); 404 when the person lives nowhere. */
	public HouseholdView householdOf(UUID personId) {
		if (personId == null) {
			throw DomainException.notFound("access.household.none");
		}
		return this.registry.householdOf(personId).orElseThrow(() -> DomainException.notFound("access.household.none"));
	}

	@Transactional
	public Pass create(UUID hostPersonId, String guestName, String guestPhone, Instant from, Instant until) {
		HouseholdView household = householdOf(hostPersonId);
		Violations violations = new Violations();
		violations.require(guestName != null && !guestName.isBlank() && guestName.trim().length() <= 60, "guestName",
				"access.pass.guestName.invalid");
		String phone = null;
		if (guestPhone != null && !guestPhone.isBlank()) {
			phone = MobileNumber.parse(guestPhone).toOptional().map(MobileNumber::value).orElse(null);
			violations.require(phone != null, "guestPhone", "access.pass.guestPhone.invalid");
		}
		Instant now = this.clock.instant();
		violations.require(from != null, "validFrom", "access.pass.window.invalid");
		violations.require(until != null, "validUntil", "access.pass.window.invalid");
		if (from != null && until != null) {
			violations.require(until.isAfter(from) && until.isAfter(now), "validUntil", "access.pass.window.invalid");
			violations.require(Duration.between(from, until).compareTo(MAX_WINDOW) <= 0, "validUntil",
					"access.pass.window.tooLong");
		}
		violations.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into access.visitor_pass (id, community_id, host_person_id, household_id, guest_name, guest_phone,
				                                 valid_from, valid_until, status, created_at)
				values (:id, :c, :host, :h, :name, :phone, :from, :until, 'ACTIVE', :now)
				""").param("id", id).param("c", household.communityId()).param("host", hostPersonId)
			.param("h", household.householdId()).param("name", guestName.trim()).param("phone", this.cipher.encrypt(phone))
			.param("from", Timestamp.from(from)).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
			.update();
		return find(household.communityId(), id);
	}

	public List<Pass> ofHousehold(UUID communityId, UUID householdId) {
		return this.jdbc.sql("""
				select * from access.visitor_pass where community_id = :c and household_id = :h
				 order by valid_from desc limit 100
				""").param("c", communityId).param("h", householdId).query(this::row).list();
	}

	public Pass find(UUID communityId, UUID id) {
		return this.jdbc.sql("select * from access.visitor_pass where community_id = :c and id = :id")
			.param("c", communityId).param("id", id).query(this::row).optional()
			.orElseThrow(() -> DomainException.notFound("access.pass.notFound"));
	}

	/** The pass of the resident's own household, or 404 (never another household's, even by id). */
	public Pass findOwn(UUID personId, UUID passId) {
		HouseholdView household = householdOf(personId);
		Pass pass = find(household.communityId(), passId);
		if (!pass.householdId().equals(household.householdId())) {
			throw DomainException.notFound("access.pass.notFound");
		}
		return pass;
	}

	@Transactional
	public void revoke(UUID personId, UUID passId) {
		Pass pass = findOwn(personId, passId);
		if (!"ACTIVE".equals(pass.status())) {
			throw DomainException.conflict("access.pass.notActive");
		}
		this.jdbc.sql("""
				update access.visitor_pass set status = 'REVOKED', revoked_at = :at, version = version + 1
				 where community_id = :c and id = :id and status = 'ACTIVE'
				""").param("at", Timestamp.from(this.clock.instant())).param("c", pass.communityId())
			.param("id", passId).update();
	}

	/** The signed token the QR code carries. */
	public String token(Pass pass) {
		return this.signer.sign(new QrSigner.Claims("P", pass.id(), pass.communityId(), pass.validFrom().toInstant(),
				pass.validUntil().toInstant()));
	}

	/**
	 * Verifies a scanned token for a community and logs the visit with the result: VALID, EXPIRED, NOT_YET,
	 * REVOKED, or INVALID (forged, another compound's, not a pass).
	 */
	@Transactional
	public Verification verify(UUID communityId, String token, String verifiedBy, String deviceId) {
		QrSigner.Claims claims = this.signer.verify(token == null ? null : token.trim()).orElse(null);
		if (claims == null || !"P".equals(claims.kind()) || !claims.communityId().equals(communityId)) {
			return new Verification("INVALID", null);
		}
		Pass pass = find(communityId, claims.id());
		Instant now = this.clock.instant();
		String result = "REVOKED".equals(pass.status()) ? "REVOKED"
				: now.isBefore(pass.validFrom().toInstant()) ? "NOT_YET"
						: now.isAfter(pass.validUntil().toInstant()) ? "EXPIRED" : "VALID";
		this.jdbc.sql("""
				insert into access.visit (id, community_id, pass_id, result, verified_by, device_id, verified_at)
				values (:id, :c, :p, :r, :by, :d, :at)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("p", pass.id()).param("r", result)
			.param("by", verifiedBy).param("d", deviceId).param("at", Timestamp.from(now)).update();
		Pass masked = new Pass(pass.id(), pass.communityId(), pass.householdId(), Masking.name(pass.guestName()),
				pass.guestPhone() == null ? null : Masking.phone(pass.guestPhone()), pass.validFrom(), pass.validUntil(),
				pass.status(), pass.createdAt());
		return new Verification(result, masked);
	}

	public record Visit(UUID passId, String result, String verifiedBy, OffsetDateTime verifiedAt) {
	}

	public List<Visit> visits(UUID communityId, UUID passId) {
		return this.jdbc.sql("""
				select pass_id, result, verified_by, verified_at from access.visit
				 where community_id = :c and pass_id = :p order by verified_at
				""").param("c", communityId).param("p", passId)
			.query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					OffsetDateTime.ofInstant(rs.getTimestamp(4).toInstant(), this.clock.getZone())))
			.list();
	}

	private Pass row(ResultSet rs, int n) throws SQLException {
		return new Pass(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getString("guest_name"),
				this.cipher.decrypt(rs.getString("guest_phone")), time(rs, "valid_from"), time(rs, "valid_until"),
				rs.getString("status"), time(rs, "created_at"));
	}

	private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		return OffsetDateTime.ofInstant(rs.getTimestamp(column).toInstant(), this.clock.getZone());
	}

}
