package org.linli.ledger.domain;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes a signed head for every log that grew, and re-verifies every log, on the configured intervals. */
@Component
class LedgerSchedule {

	private static final Logger log = LoggerFactory.getLogger(LedgerSchedule.class);

	private final LedgerService ledger;

	private final LogVerification verification;

	LedgerSchedule(LedgerService ledger, LogVerification verification) {
		this.ledger = ledger;
		this.verification = verification;
	}

	@Scheduled(fixedDelayString = "${linli.ledger.publish-interval:PT1H}",
			initialDelayString = "${linli.ledger.publish-interval:PT1H}")
	void publishHeads() {
		for (UUID communityId : this.ledger.communities()) {
			this.ledger.publishIfGrown(communityId);
		}
	}

	@Scheduled(fixedDelayString = "${linli.ledger.verify-interval:PT6H}",
			initialDelayString = "${linli.ledger.verify-interval:PT6H}")
	void verifyAll() {
		for (UUID communityId : this.ledger.communities()) {
			var result = this.verification.verify(communityId);
			log.info("Ledger of {} verified: {} entries, intact={} in {} ms", communityId, result.treeSize(),
					result.intact(), result.millis());
		}
	}

}
