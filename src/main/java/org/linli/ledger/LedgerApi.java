package org.linli.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.ledger.domain.LedgerService;
import org.linli.ledger.domain.LogVerification;

import org.springframework.stereotype.Service;

/** What other modules may ask of the ledger: append facts, publish a signed head, read the state and proofs. */
@Service
public class LedgerApi {

	private final LedgerService ledger;

	private final LogVerification verification;

	LedgerApi(LedgerService ledger, LogVerification verification) {
		this.ledger = ledger;
		this.verification = verification;
	}

	/** Appends in the caller's transaction: the facts and their entries commit (or roll back) together. */
	public List<AppendedEntry> append(UUID communityId, List<LedgerRecord> records) {
		return this.ledger.append(communityId, records);
	}

	public AppendedEntry append(UUID communityId, LedgerRecord record) {
		return this.ledger.append(communityId, List.of(record)).getFirst();
	}

	/** Signs and stores a tree head now (after every disbursement, say). */
	public TreeHead publishTreeHead(UUID communityId) {
		return this.ledger.publish(communityId);
	}

	/** The latest signed head (the first is signed now if there is none); empty when the compound has no log. */
	public Optional<TreeHead> latestTreeHead(UUID communityId) {
		return this.ledger.status(communityId).map(status -> this.ledger.latestHead(communityId));
	}

	public Optional<LedgerStatus> status(UUID communityId) {
		return this.ledger.status(communityId);
	}

	public List<LedgerEntry> entries(UUID communityId, long start, long end) {
		return this.ledger.entries(communityId, start, end);
	}

	public InclusionProof inclusionProof(UUID communityId, long index, long treeSize) {
		return this.ledger.inclusionProof(communityId, index, treeSize);
	}

	/** Recomputes the whole log from its stored payloads; a fault marks it tampered and raises LedgerTampered. */
	public Verification verify(UUID communityId) {
		return this.verification.verify(communityId);
	}

}
