package org.linli.ledger.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.ledger.LedgerTampered;
import org.linli.ledger.TreeHead;
import org.linli.ledger.Verification;
import org.linli.ledger.domain.LedgerStore.NodeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full verification of a stored log, trusting nothing but the signing key: every leaf hash is recomputed from its
 * stored payload, every cached subtree and every signed tree head re-derived from those leaves, every head signature
 * checked. The first fault found marks the log tampered (kept), is written to the audit trail and published as
 * {@link LedgerTampered}.
 */
@Service
public class LogVerification {

	private static final Logger log = LoggerFactory.getLogger(LogVerification.class);

	private final LedgerStore store;

	private final ApplicationEventPublisher events;

	private final AuditApi audit;

	private final Clock clock;

	LogVerification(LedgerStore store, ApplicationEventPublisher events, AuditApi audit, Clock clock) {
		this.store = store;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** The first fault found while streaming; later entries are skipped once one is known. */
	private static final class Fault {

		Long index;

		String reason;

		boolean found() {
			return this.reason != null;
		}

		void set(Long index, String reason) {
			if (this.reason == null) {
				this.index = index;
				this.reason = reason;
			}
		}

	}

	@Transactional
	public Verification verify(UUID communityId) {
		long started = System.nanoTime();
		var logRow = this.store.log(communityId);
		if (logRow.isEmpty()) {
			return new Verification(true, 0, null, null, 0);
		}
		Merkle merkle = new Merkle(logRow.get().algorithm());
		long expectedSize = logRow.get().treeSize();
		Fault fault = new Fault();
		List<TreeHead> heads = new ArrayList<>(this.store.heads(communityId));
		for (TreeHead head : heads) {
			boolean signed = TreeHeadSignature.ofLabel(head.signatureAlgorithm())
				.verify(head.publicKey(), TreeHeadSignature.signedText(head.algorithm(), communityId.toString(),
						head.rootHash(), head.timestamp(), head.treeSize()), head.signature());
			if (!signed || !head.algorithm().equals(merkle.algorithm().label())) {
				fault.set(head.treeSize() == 0 ? null : head.treeSize() - 1, "SIGNATURE");
			}
		}
		heads.sort(Comparator.comparingLong(TreeHead::treeSize));
		Map<NodeKey, byte[]> nodes = this.store.allNodes(communityId);
		Merkle.Frontier frontier = merkle.frontier();
		int[] nextHead = { 0 };
		checkHeads(heads, nextHead, frontier, fault);
		Merkle.CompletedSubtree cachedCheck = (start, size, hash) -> {
			if (size >= (1L << LedgerService.CACHE_LEVEL)) {
				int level = Long.numberOfTrailingZeros(size);
				byte[] stored = nodes.get(new NodeKey(level, start >> level));
				if (stored == null || !Arrays.equals(stored, hash)) {
					fault.set(start, "NODE");
				}
			}
		};
		this.store.streamEntries(communityId, entry -> {
			if (fault.found()) {
				return;
			}
			if (entry.index() != frontier.count()) {
				fault.set(frontier.count(), "GAP");
				return;
			}
			byte[] leaf = merkle.leafHash(entry.payload());
			if (!Arrays.equals(leaf, entry.leafHash())) {
				fault.set(entry.index(), "LEAF_HASH");
				return;
			}
			frontier.add(leaf, cachedCheck);
			checkHeads(heads, nextHead, frontier, fault);
		});
		if (!fault.found() && frontier.count() != expectedSize) {
			fault.set(frontier.count(), "SIZE");
		}
		if (!fault.found() && nextHead[0] < heads.size()) {
			fault.set(heads.get(nextHead[0]).treeSize() - 1, "ROOT");
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		Verification result = new Verification(!fault.found(), frontier.count(), fault.index, fault.reason, millis);
		Instant now = this.clock.instant();
		if (result.intact()) {
			this.store.markVerified(communityId, now);
		}
		else if (this.store.markTampered(communityId, fault.index, fault.reason, now)) {
			log.error("Ledger of community {} fails verification at index {} ({})", communityId, fault.index,
					fault.reason);
			this.events.publishEvent(new LedgerTampered(communityId, fault.index, fault.reason, now));
			this.audit.record(new AuditRecord("system", "ledger.tampered", "ledger:" + communityId,
					AuditRecord.Result.FAILURE, null, "index " + fault.index + ": " + fault.reason));
		}
		return result;
	}

	/** Compares the frontier's root with every signed head of the current size. */
	private static void checkHeads(List<TreeHead> heads, int[] next, Merkle.Frontier frontier, Fault fault) {
		while (next[0] < heads.size() && heads.get(next[0]).treeSize() == frontier.count()) {
			TreeHead head = heads.get(next[0]++);
			if (!Merkle.hex(frontier.root()).equals(head.rootHash())) {
				fault.set(head.treeSize() == 0 ? null : head.treeSize() - 1, "ROOT");
			}
		}
	}

}
