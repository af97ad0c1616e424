package org.linli.ledger.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.linli.ledger.ConsistencyProof;
import org.linli.ledger.InclusionProof;
import org.linli.ledger.LedgerEntry;
import org.linli.ledger.LedgerStatus;
import org.linli.ledger.TreeHead;
import org.linli.ledger.domain.LedgerService;
import org.linli.shared.web.DomainException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public ledger of API.md: no sign-in, nothing personal (payloads are masked before they are appended). */
@RestController
@RequestMapping("/api/v1/public/ledgers/{cid}")
class PublicLedgerController {

	private final LedgerService ledger;

	PublicLedgerController(LedgerService ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/tree-head")
	@Operation(summary = "The latest signed tree head")
	TreeHead treeHead(@PathVariable String cid) {
		return this.ledger.latestHead(id(cid));
	}

	@GetMapping("/entries")
	@Operation(summary = "Entries [start, end): the exact canonical JSON that was hashed")
	List<LedgerEntry> entries(@PathVariable String cid, @RequestParam(defaultValue = "0") long start,
			@RequestParam(required = false) Long end) {
		return this.ledger.entries(id(cid), start, end);
	}

	@GetMapping("/proofs/inclusion")
	@Operation(summary = "Audit path of an entry in the tree of the given size (default: the current size)")
	InclusionProof inclusion(@PathVariable String cid, @RequestParam long index,
			@RequestParam(required = false) Long treeSize) {
		return this.ledger.inclusionProof(id(cid), index, treeSize);
	}

	@GetMapping("/proofs/consistency")
	@Operation(summary = "Proof that the tree of size first is a prefix of the tree of size second")
	ConsistencyProof consistency(@PathVariable String cid, @RequestParam long first, @RequestParam long second) {
		return this.ledger.consistencyProof(id(cid), first, second);
	}

	@GetMapping("/status")
	@Operation(summary = "Size of the log and whether verification ever found it tampered with")
	LedgerStatus status(@PathVariable String cid) {
		return this.ledger.status(id(cid)).orElseThrow(() -> DomainException.notFound("ledger.notFound"));
	}

	private static UUID id(String cid) {
		try {
			return UUID.fromString(cid);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("ledger.notFound");
		}
	}

}
