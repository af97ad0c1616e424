package org.linli.governance.domain;

import org.linli.governance.VoteOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Expands a vote's roll document into its entries and person index (RollExpansion) once the opening has committed,
 * so the freeze itself writes one document instead of 100,000 rows; whoever reads the entries before this is done
 * expands them first. Idempotent: a redelivered event finds the roll expanded.
 */
@Component
class RollPersonIndex {

	private final RollExpansion expansion;

	RollPersonIndex(RollExpansion expansion) {
		this.expansion = expansion;
	}

	@ApplicationModuleListener
	void on(VoteOpened opened) {
		this.expansion.ensure(opened.communityId(), opened.voteId());
	}

}
