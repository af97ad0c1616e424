package org.linli.access.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.access.domain.AccessEvents;
import org.linli.access.domain.Credentials;
import org.linli.access.domain.VisitorPasses;
import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff side of access control: access-event search (masked), pass verification, persons' credentials. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class CommunityAccessController {

	private final SecurityStaff staff;

	private final AccessEvents events;

	private final VisitorPasses passes;

	private final Credentials credentials;

	private final AuditApi audit;

	private final Clock clock;

	CommunityAccessController(SecurityStaff staff, AccessEvents events, VisitorPasses passes, Credentials credentials,
			AuditApi audit, Clock clock) {
		this.staff = staff;
		this.events = events;
		this.passes = passes;
		this.credentials = credentials;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/access-events")
	PagedModel<AccessEvents.AccessEventView> search(@PathVariable UUID cid,
			@RequestParam(required = false) String deviceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.staff.require(cid);
		Instant end = to == null ? this.clock.instant().plusSeconds(1) : to.toInstant();
		Instant start = from == null ? end.minus(Duration.ofDays(1)) : from.toInstant();
		String door = deviceId == null || deviceId.isBlank() ? null : deviceId.trim();
		PageRequest pageable = Paging.of(page, size);
		return new PagedModel<>(new PageImpl<>(
				this.events.search(cid, door, start, end, pageable.getPageSize(), pageable.getOffset()), pageable,
				this.events.count(cid, door, start, end)));
	}

	record Scan(String token, String deviceId) {
	}

	@PostMapping("/visitor-passes/verify")
	VisitorPasses.Verification verify(@PathVariable UUID cid, @RequestBody Scan scan, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		VisitorPasses.Verification verification = this.passes.verify(cid, scan.token(), user.getUsername(),
				scan.deviceId());
		this.audit.record(new AuditRecord(user.getUsername(), "access.pass.verify",
				verification.pass() == null ? "pass ?" : "pass " + verification.pass().id(),
				verification.admitted() ? AuditRecord.Result.SUCCESS : AuditRecord.Result.REJECTED,
				request.getRemoteAddr(), verification.result()));
		return verification;
	}

	record MyCredentials(List<Credentials.CredentialView> credentials, List<Credentials.ConsentView> consents) {
	}

	@GetMapping("/persons/{pid}/credentials")
	MyCredentials credentials(@PathVariable UUID cid, @PathVariable UUID pid) {
		this.staff.require(cid);
		this.credentials.person(cid, pid);
		return new MyCredentials(this.credentials.all(cid, pid), this.credentials.consents(cid, pid));
	}

	record NewCredential(String kind, String cardNumber, String pin, String templateRef, String photo) {
	}

	@PostMapping("/persons/{pid}/credentials")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> add(@PathVariable UUID cid, @PathVariable UUID pid, @RequestBody NewCredential body,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		UUID id = switch (body.kind() == null ? "" : body.kind()) {
			case "CARD" -> this.credentials.addCard(cid, pid, body.cardNumber());
			case "PIN" -> this.credentials.addPin(cid, pid, body.pin());
			case "QR" -> this.credentials.enableQr(cid, pid);
			case "FACE" -> this.credentials.addFace(cid, pid, body.templateRef(), body.photo());
			default -> throw DomainException.invalid("kind", "access.credential.kind.invalid");
		};
		record(user, "access.credential.add", pid, body.kind(), request);
		return Map.of("id", id);
	}

	@DeleteMapping("/persons/{pid}/credentials/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID cid, @PathVariable UUID pid, @PathVariable UUID id, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.credentials.revoke(cid, pid, id);
		record(user, "access.credential.revoke", pid, id.toString(), request);
	}

	record Consent(UUID guardianPersonId, boolean photoKept) {
	}

	@PostMapping("/persons/{pid}/face-consent")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> consent(@PathVariable UUID cid, @PathVariable UUID pid, @RequestBody Consent body,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		UUID id = this.credentials.grantFaceConsent(cid, pid, body.guardianPersonId(), body.photoKept(),
				user.getUsername());
		record(user, "access.consent.grant", pid, body.guardianPersonId() == null ? "self" : "guardian", request);
		return Map.of("id", id);
	}

	@DeleteMapping("/persons/{pid}/face-consent")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable UUID cid, @PathVariable UUID pid, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.credentials.revokeFaceConsent(cid, pid, user.getUsername());
		record(user, "access.consent.revoke", pid, null, request);
	}

	private void record(CurrentUser user, String action, UUID personId, String detail, HttpServletRequest request) {
		this.audit.record(new AuditRecord(user.getUsername(), action, "person " + personId,
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), detail));
	}

}
