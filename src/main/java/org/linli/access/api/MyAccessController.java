package org.linli.access.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.access.domain.AccessEvents;
import org.linli.access.domain.Credentials;
import org.linli.access.domain.Residents;
import org.linli.access.domain.VisitorPasses;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.QrCodes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A resident's own access: credentials, consent, access events and visitor passes (never another household's). */
@RestController
@RequestMapping("/api/v1/me")
class MyAccessController {

	private final Residents residents;

	private final Credentials credentials;

	private final AccessEvents events;

	private final VisitorPasses passes;

	MyAccessController(Residents residents, Credentials credentials, AccessEvents events, VisitorPasses passes) {
		this.residents = residents;
		this.credentials = credentials;
		this.events = events;
		this.passes = passes;
	}

	record MyCredentials(List<Credentials.CredentialView> credentials, List<Credentials.ConsentView> consents) {
	}

	@GetMapping("/credentials")
	MyCredentials credentials() {
		Residents.Me me = this.residents.me();
		return new MyCredentials(this.credentials.all(me.communityId(), me.personId()),
				this.credentials.consents(me.communityId(), me.personId()));
	}

	/** Withdrawing face consent: the template is deleted and removed from every door. */
	@DeleteMapping("/face-consent")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeConsent() {
		Residents.Me me = this.residents.me();
		this.credentials.revokeFaceConsent(me.communityId(), me.personId(), me.user().getUsername());
	}

	/** A signed QR code to open doors, valid for five minutes. */
	@GetMapping("/qr-code")
	Map<String, String> qrCode() {
		Residents.Me me = this.residents.me();
		String token = this.credentials.qrCode(me.communityId(), me.personId());
		return Map.of("token", token, "image", QrCodes.dataUri(token, 280));
	}

	@GetMapping("/access-events")
	List<AccessEvents.AccessEventView> accessEvents() {
		Residents.Me me = this.residents.me();
		return this.events.ofPerson(me.communityId(), me.personId(), 100);
	}

	record NewPass(String guestName, String guestPhone, OffsetDateTime validFrom, OffsetDateTime validUntil) {
	}

	record PassWithCode(VisitorPasses.Pass pass, String token, String image) {
	}

	@PostMapping("/visitor-passes")
	@ResponseStatus(HttpStatus.CREATED)
	PassWithCode createPass(@RequestBody NewPass request) {
		Residents.Me me = this.residents.me();
		VisitorPasses.Pass pass = this.passes.create(me.personId(), request.guestName(), request.guestPhone(),
				request.validFrom() == null ? null : request.validFrom().toInstant(),
				request.validUntil() == null ? null : request.validUntil().toInstant());
		String token = this.passes.token(pass);
		return new PassWithCode(pass, token, QrCodes.dataUri(token, 280));
	}

	@GetMapping("/visitor-passes")
	List<VisitorPasses.Pass> passes() {
		Residents.Me me = this.residents.me();
		return this.passes.ofHousehold(me.communityId(), me.householdId());
	}

	@GetMapping("/visitor-passes/{id}")
	PassWithCode pass(@PathVariable String id) {
		Residents.Me me = this.residents.me();
		VisitorPasses.Pass pass = this.passes.findOwn(me.personId(), uuid(id));
		String token = this.passes.token(pass);
		return new PassWithCode(pass, token, QrCodes.dataUri(token, 280));
	}

	@PostMapping("/visitor-passes/{id}/revoke")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokePass(@PathVariable String id) {
		this.passes.revoke(this.residents.me().personId(), uuid(id));
	}

	static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("access.pass.notFound");
		}
	}

}
