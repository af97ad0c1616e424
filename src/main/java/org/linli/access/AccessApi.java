package org.linli.access;

import java.time.Instant;
import java.util.UUID;

import org.linli.access.domain.Credentials;
import org.linli.access.domain.VisitorPasses;

import org.springframework.stereotype.Service;

/** What other modules (the demo, say) may ask of access control. */
@Service
public class AccessApi {

	private final Credentials credentials;

	private final VisitorPasses passes;

	AccessApi(Credentials credentials, VisitorPasses passes) {
		this.credentials = credentials;
		this.passes = passes;
	}

	/** A visitor pass registered by the host for a guest; returns its id. */
	public UUID registerVisitor(UUID hostPersonId, String guestName, Instant from, Instant until) {
		return this.passes.create(hostPersonId, guestName, null, from, until).id();
	}

	public UUID addCard(UUID communityId, UUID personId, String cardNumber) {
		return this.credentials.addCard(communityId, personId, cardNumber);
	}

	public UUID enableQr(UUID communityId, UUID personId) {
		return this.credentials.enableQr(communityId, personId);
	}

	/** Consent first (an adult's own), then the face template beside an existing alternative. */
	public UUID enrolFace(UUID communityId, UUID personId, String templateRef, String grantedBy) {
		this.credentials.grantFaceConsent(communityId, personId, null, false, grantedBy);
		return this.credentials.addFace(communityId, personId, templateRef, null);
	}

	public boolean hasCredentials(UUID communityId, UUID personId) {
		return !this.credentials.all(communityId, personId).isEmpty();
	}

}
