package org.linli.ledger.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.linli.identity.CommunityAccess;
import org.linli.ledger.TreeHead;
import org.linli.ledger.Verification;
import org.linli.ledger.domain.LedgerService;
import org.linli.ledger.domain.LogVerification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand verification and head publication by the staff who answer for a compound's funds. */
@RestController
class LedgerVerificationController {

	private final LogVerification verification;

	private final LedgerService ledger;

	private final CommunityAccess access;

	LedgerVerificationController(LogVerification verification, LedgerService ledger, CommunityAccess access) {
		this.verification = verification;
		this.ledger = ledger;
		this.access = access;
	}

	@PostMapping("/api/v1/communities/{cid}/ledger/verification")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'STREET_OFFICER', 'PROJECT_MANAGER', "
			+ "'SUPERVISING_ENGINEER', 'OWNER_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	@Operation(summary = "Recompute the whole log from the stored payloads now")
	Verification verify(@PathVariable UUID cid) {
		this.access.require(cid);
		return this.verification.verify(cid);
	}

	@PostMapping("/api/v1/communities/{cid}/ledger/tree-heads")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'PROJECT_MANAGER')")
	@Operation(summary = "Sign and publish a tree head now")
	TreeHead publish(@PathVariable UUID cid) {
		this.access.require(cid);
		return this.ledger.publish(cid);
	}

}
