package org.linli.access.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.linli.iot.IotApi;
import org.linli.registry.RegistryApi;
import org.linli.registry.RegistryApi.PersonBrief;
import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's ways in (DOMAIN.md §4, ADR 0014). Face access needs a separate, revocable consent (a guardian's for
 * an under-14) and is never the only way in: a face credential is added only beside an active card, QR or PIN, and
 * the last of those cannot be removed while the face is active. Revoking consent or moving out removes the
 * credentials from the platform and, by a command, from every door.
 */
@Service
public class Credentials {

	static final int ADULT_AGE = 14;

	private static final Pattern PIN = Pattern.compile("\\d{6}");

	private static final Pattern CARD = Pattern.compile("[0-9A-Fa-f]{8,20}");

	private static final BCryptPasswordEncoder PINS = new BCryptPasswordEncoder(8);

	/** How long a resident's QR code stays valid once shown. */
	static final Duration QR_LIFETIME = Duration.ofMinutes(5);

	public record CredentialView(UUID id, String kind, String status, String detail, OffsetDateTime createdAt) {
	}

	public record ConsentView(UUID id, boolean guardian, boolean photoKept, String grantedBy, OffsetDateTime grantedAt,
			OffsetDateTime revokedAt, String channel, String paperRef) {

		public boolean active() {
			return this.revokedAt == null;
		}

	}

	/** A consent given on a signed paper form, entered by staff: the form's reference number is required. */
	@Transactional
	public UUID recordPaperConsent(UUID communityId, UUID personId, UUID guardianPersonId, boolean photoKept,
			String paperRef, String enteredBy) {
		if (paperRef == null || paperRef.isBlank() || paperRef.trim().length() > 60) {
			throw DomainException.invalid("paperRef", "access.consent.paperRef.invalid");
		}
		UUID id = grantFaceConsent(communityId, personId, guardianPersonId, photoKept, enteredBy);
		this.jdbc.sql("update access.face_consent set channel = 'PAPER', paper_ref = :ref where id = :id")
			.param("ref", paperRef.trim()).param("id", id).update();
		return id;
	}

	/** A withdrawal handed in on paper and entered by staff: the same effect as the resident's own withdrawal. */
	@Transactional
	public void withdrawOnPaper(UUID communityId, UUID personId, String enteredBy) {
		UUID consent = activeConsent(communityId, personId)
			.orElseThrow(() -> DomainException.conflict("access.consent.none"));
		revokeFaceConsent(communityId, personId, enteredBy);
		this.jdbc.sql("update access.face_consent set revoke_channel = 'PAPER' where id = :id").param("id", consent)
			.update();
	}

	private final JdbcClient jdbc;

	private final RegistryApi registry;

	private final IotApi iot;

	private final FieldCipher cipher;

	private final QrSigner signer;

	private final Clock clock;

	Credentials(JdbcClient jdbc, RegistryApi registry, IotApi iot, FieldCipher cipher, QrSigner signer, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.iot = iot;
		this.cipher = cipher;
		this.signer = signer;
		this.clock = clock;
	}

	public PersonBrief person(UUID communityId, UUID personId) {
		return this.registry.person(communityId, personId)
			.orElseThrow(() -> DomainException.notFound("access.person.notFound"));
	}

	/**
	 * Records consent to face recognition. An under-14 needs a guardian: an adult of the same household.
	 * {@code photoKept} is the explicit consent to keep an (encrypted) photo besides the template.
	 */
	@Transactional
	public UUID grantFaceConsent(UUID communityId, UUID personId, UUID guardianPersonId, boolean photoKept,
			String grantedBy) {
		PersonBrief person = person(communityId, personId);
		if (activeConsent(communityId, personId).isPresent()) {
			throw DomainException.conflict("access.consent.exists");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (isChild(person, today)) {
			if (guardianPersonId == null) {
				throw DomainException.invalid("guardianPersonId", "access.consent.guardianRequired");
			}
			PersonBrief guardian = person(communityId, guardianPersonId);
			if (isChild(guardian, today) || guardian.householdId() == null
					|| !guardian.householdId().equals(person.householdId())) {
				throw DomainException.invalid("guardianPersonId", "access.consent.guardianInvalid");
			}
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into access.face_consent (id, community_id, person_id, guardian_person_id, photo_kept, granted_by,
				                                 granted_at)
				values (:id, :c, :p, :g, :photo, :by, :at)
				""").param("id", id).param("c", communityId).param("p", personId)
			.param("g", isChild(person, today) ? guardianPersonId : null).param("photo", photoKept)
			.param("by", grantedBy).param("at", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	/** Revokes the consent: the face credential and its template (and photo) are deleted everywhere. */
	@Transactional
	public void revokeFaceConsent(UUID communityId, UUID personId, String by) {
		UUID consent = activeConsent(communityId, personId)
			.orElseThrow(() -> DomainException.conflict("access.consent.none"));
		this.jdbc.sql("""
				update access.face_consent set revoked_at = :at, revoked_by = :by where community_id = :c and id = :id
				""").param("at", Timestamp.from(this.clock.instant())).param("by", by).param("c", communityId)
			.param("id", consent).update();
		for (CredentialView face : active(communityId, personId, "FACE")) {
			revokeOne(communityId, face.id(), "CONSENT_REVOKED");
		}
	}

	@Transactional
	public UUID addCard(UUID communityId, UUID personId, String cardNumber) {
		person(communityId, personId);
		if (cardNumber == null || !CARD.matcher(cardNumber.trim()).matches()) {
			throw DomainException.invalid("cardNumber", "access.card.invalid");
		}
		String normalised = cardNumber.trim().toUpperCase(java.util.Locale.ROOT);
		String index = this.cipher.blindIndex("card:" + normalised);
		if (this.jdbc.sql("select count(*) from access.credential where community_id = :c and card_index = :i "
				+ "and status = 'ACTIVE'").param("c", communityId).param("i", index).query(Long.class).single() > 0) {
			throw DomainException.conflict("access.card.taken");
		}
		return insert(communityId, personId, "CARD", Map.of("card_index", index, "card_number",
				this.cipher.encrypt(normalised)));
	}

	@Transactional
	public UUID addPin(UUID communityId, UUID personId, String pin) {
		person(communityId, personId);
		if (pin == null || !PIN.matcher(pin).matches() || pin.chars().distinct().count() == 1) {
			throw DomainException.invalid("pin", "access.pin.invalid");
		}
		for (CredentialView old : active(communityId, personId, "PIN")) {
			revokeOne(communityId, old.id(), "REPLACED");
		}
		return insert(communityId, personId, "PIN", Map.of("pin_hash", PINS.encode(pin)));
	}

	/** The resident's QR credential: with it they show short-lived signed codes at the door. */
	@Transactional
	public UUID enableQr(UUID communityId, UUID personId) {
		person(communityId, personId);
		List<CredentialView> existing = active(communityId, personId, "QR");
		return existing.isEmpty() ? insert(communityId, personId, "QR", Map.of()) : existing.get(0).id();
	}

	/** A signed QR code for the person's QR credential, valid for five minutes. */
	public String qrCode(UUID communityId, UUID personId) {
		CredentialView qr = active(communityId, personId, "QR").stream().findFirst()
			.orElseThrow(() -> DomainException.conflict("access.qr.none"));
		Instant now = this.clock.instant();
		return this.signer.sign(new QrSigner.Claims("C", qr.id(), communityId, now, now.plus(QR_LIFETIME)));
	}

	/**
	 * Enrols the face: a template reference from the enrolment device (never the picture), and the photo only when
	 * the consent allows keeping it (then encrypted).
	 */
	@Transactional
	public UUID addFace(UUID communityId, UUID personId, String templateRef, String photoBase64) {
		person(communityId, personId);
		UUID consent = activeConsent(communityId, personId)
			.orElseThrow(() -> DomainException.conflict("access.face.noConsent"));
		if (templateRef == null || templateRef.isBlank() || templateRef.length() > 200) {
			throw DomainException.invalid("templateRef", "access.face.template.invalid");
		}
		if (otherWaysIn(communityId, personId) == 0) {
			throw DomainException.conflict("access.face.needsAlternative");
		}
		boolean photoAllowed = this.jdbc.sql("select photo_kept from access.face_consent where id = :id")
			.param("id", consent).query(Boolean.class).single();
		if (photoBase64 != null && !photoBase64.isBlank()) {
			if (!photoAllowed) {
				throw DomainException.invalid("photo", "access.face.photo.notConsented");
			}
			if (photoBase64.length() > 12000) {
				throw DomainException.invalid("photo", "access.face.photo.tooLarge");
			}
			if (!isPhoto(photoBase64.trim())) {
				throw DomainException.invalid("photo", "access.face.photo.type");
			}
		}
		for (CredentialView old : active(communityId, personId, "FACE")) {
			revokeOne(communityId, old.id(), "REPLACED");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("template_ref", this.cipher.encrypt(templateRef.trim()));
		fields.put("consent_id", consent);
		if (photoBase64 != null && !photoBase64.isBlank()) {
			fields.put("photo", this.cipher.encrypt(photoBase64.trim()));
		}
		return insert(communityId, personId, "FACE", fields);
	}

	/** Base64 of a JPEG, PNG or WebP picture, judged by its bytes (as every uploaded photo is). */
	private static boolean isPhoto(String base64) {
		try {
			return org.linli.shared.photo.PhotoCheck.sniff(java.util.Base64.getDecoder().decode(base64)) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Revokes one credential; the last alternative to an active face cannot go. */
	@Transactional
	public void revoke(UUID communityId, UUID personId, UUID credentialId) {
		CredentialView credential = active(communityId, personId, null).stream()
			.filter(c -> c.id().equals(credentialId)).findFirst()
			.orElseThrow(() -> DomainException.notFound("access.credential.notFound"));
		if (!"FACE".equals(credential.kind()) && !active(communityId, personId, "FACE").isEmpty()
				&& otherWaysIn(communityId, personId) <= 1) {
			throw DomainException.conflict("access.face.needsAlternative");
		}
		revokeOne(communityId, credentialId, "REVOKED");
	}

	/** Moving out: every credential of the person ends, on the platform and at every door; consent ends too. */
	@Transactional
	public int removeAll(UUID communityId, UUID personId, String reason) {
		List<CredentialView> all = active(communityId, personId, null);
		for (CredentialView credential : all) {
			revokeOne(communityId, credential.id(), reason);
		}
		this.jdbc.sql("""
				update access.face_consent set revoked_at = :at, revoked_by = 'system'
				 where community_id = :c and person_id = :p and revoked_at is null
				""").param("at", Timestamp.from(this.clock.instant())).param("c", communityId).param("p", personId)
			.update();
		return all.size();
	}

	private void revokeOne(UUID communityId, UUID credentialId, String reason) {
		String kind = this.jdbc.sql("""
				update access.credential
				   set status = 'REVOKED', revoked_at = :at, revoked_reason = :r, version = version + 1,
				       template_ref = null, photo = null, pin_hash = null, card_number = null
				 where community_id = :c and id = :id and status = 'ACTIVE' returning kind
				""").param("at", Timestamp.from(this.clock.instant())).param("r", reason).param("c", communityId)
			.param("id", credentialId).query(String.class).single();
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("command", "REVOKE_CREDENTIAL");
		command.put("commandId", UUID.randomUUID().toString());
		command.put("credentialId", credentialId.toString());
		command.put("kind", kind);
		command.put("issuedAt", OffsetDateTime.ofInstant(this.clock.instant(), this.clock.getZone()).toString());
		this.iot.commandAllDoors(communityId, command);
	}

	public List<CredentialView> active(UUID communityId, UUID personId, String kind) {
		return this.jdbc.sql("""
				select * from access.credential
				 where community_id = :c and person_id = :p and status = 'ACTIVE'
				   and (cast(:k as varchar) is null or kind = :k)
				 order by created_at
				""").param("c", communityId).param("p", personId).param("k", kind).query(this::row).list();
	}

	public List<CredentialView> all(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select * from access.credential where community_id = :c and person_id = :p order by created_at desc
				""").param("c", communityId).param("p", personId).query(this::row).list();
	}

	public List<ConsentView> consents(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select * from access.face_consent where community_id = :c and person_id = :p order by granted_at desc
				""").param("c", communityId).param("p", personId)
			.query((rs, n) -> new ConsentView(rs.getObject("id", UUID.class),
					rs.getObject("guardian_person_id") != null, rs.getBoolean("photo_kept"), rs.getString("granted_by"),
					time(rs, "granted_at"), time(rs, "revoked_at"), rs.getString("channel"), rs.getString("paper_ref")))
			.list();
	}

	private Optional<UUID> activeConsent(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select id from access.face_consent where community_id = :c and person_id = :p and revoked_at is null
				""").param("c", communityId).param("p", personId).query(UUID.class).optional();
	}

	private long otherWaysIn(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select count(*) from access.credential
				 where community_id = :c and person_id = :p and status = 'ACTIVE' and kind <> 'FACE'
				""").param("c", communityId).param("p", personId).query(Long.class).single();
	}

	private UUID insert(UUID communityId, UUID personId, String kind, Map<String, Object> fields) {
		UUID id = UUID.randomUUID();
		StringBuilder columns = new StringBuilder("id, community_id, person_id, kind, status, created_at");
		StringBuilder values = new StringBuilder(":id, :c, :p, :k, 'ACTIVE', :at");
		fields.keySet().forEach(column -> {
			columns.append(", ").append(column);
			values.append(", :").append(column);
		});
		var spec = this.jdbc.sql("insert into access.credential (" + columns + ") values (" + values + ")")
			.param("id", id).param("c", communityId).param("p", personId).param("k", kind)
			.param("at", Timestamp.from(this.clock.instant()));
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			spec = spec.param(field.getKey(), field.getValue());
		}
		spec.update();
		return id;
	}

	static boolean isChild(PersonBrief person, LocalDate today) {
		return person.birthDate() != null && Period.between(person.birthDate(), today).getYears() < ADULT_AGE;
	}

	private CredentialView row(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("kind");
		String detail = switch (kind) {
			case "CARD" -> {
				String number = this.cipher.decrypt(rs.getString("card_number"));
				yield number == null ? null : "****" + number.substring(Math.max(0, number.length() - 4));
			}
			default -> null;
		};
		return new CredentialView(rs.getObject("id", UUID.class), kind, rs.getString("status"), detail,
				time(rs, "created_at"));
	}

	private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : OffsetDateTime.ofInstant(value.toInstant(), this.clock.getZone());
	}

}
