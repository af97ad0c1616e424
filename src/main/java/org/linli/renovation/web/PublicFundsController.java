package org.linli.renovation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.linli.ledger.LedgerApi;
import org.linli.ledger.LedgerEntry;
import org.linli.ledger.LedgerStatus;
import org.linli.ledger.TreeHead;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.renovation.Views;
import org.linli.renovation.domain.DisbursementService;
import org.linli.renovation.domain.ProjectService;
import org.linli.shared.web.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public fund page of a compound (资金公示), without sign-in: receipts and payments, budget versus actual per line,
 * milestones, the latest signed tree head and the ledger's entries, each with its inclusion proof, which a script on
 * the page checks in the browser (SM3 or SHA-256). A tampered ledger is announced at the top. Nothing personal: the
 * entries name roles, not people.
 */
@Controller
class PublicFundsController {

	static final int PAGE = 20;

	private final RegistryApi registry;

	private final ProjectService projects;

	private final DisbursementService disbursements;

	private final LedgerApi ledger;

	private final MessageSource messages;

	PublicFundsController(RegistryApi registry, ProjectService projects, DisbursementService disbursements,
			LedgerApi ledger, MessageSource messages) {
		this.registry = registry;
		this.projects = projects;
		this.disbursements = disbursements;
		this.ledger = ledger;
		this.messages = messages;
	}

	/** A project as the public sees it: its figures, the money received and the money paid. */
	record PublicProject(Views.Project project, List<Views.Receipt> receipts, List<Views.Disbursement> payments,
			long receivedFen, long paidFen) {
	}

	/** One ledger entry with its audit path in the tree of the signed head (null when the head does not cover it). */
	record PublicEntry(long index, String type, String label, String payload, String path, boolean covered) {
	}

	@GetMapping("/public/{code}/funds")
	String funds(@PathVariable String code, @RequestParam(required = false) Long before, Model model) {
		CommunitySummary community = this.registry.summaryByCode(code)
			.orElseThrow(() -> DomainException.notFound("community.notFound", code));
		UUID cid = community.id();
		model.addAttribute("community", community);
		model.addAttribute("origin", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		model.addAttribute("projects", this.projects.projectsOf(cid).reversed().stream().map(this::publicProject).toList());
		LedgerStatus status = this.ledger.status(cid).orElse(null);
		model.addAttribute("ledgerStatus", status);
		if (status == null) {
			model.addAttribute("entries", List.of());
			return "renovation/public-funds";
		}
		TreeHead head = this.ledger.latestTreeHead(cid).orElseThrow();
		model.addAttribute("head", head);
		long size = status.treeSize();
		long end = before == null || before > size || before < 1 ? size : before;
		long start = Math.max(0, end - PAGE);
		Locale locale = LocaleContextHolder.getLocale();
		List<PublicEntry> entries = new ArrayList<>();
		List<LedgerEntry> page = this.ledger.entries(cid, start, end);
		for (LedgerEntry entry : page.reversed()) {
			String type = type(entry.payload());
			boolean covered = entry.index() < head.treeSize();
			String path = covered ? String.join(" ", this.ledger.inclusionProof(cid, entry.index(), head.treeSize()).path())
					: null;
			entries.add(new PublicEntry(entry.index(), type,
					this.messages.getMessage("renovation.public.type." + type, null, type, locale), entry.payload(), path,
					covered));
		}
		model.addAttribute("entries", entries);
		model.addAttribute("newer", end < size ? Math.min(size, end + PAGE) : null);
		model.addAttribute("older", start > 0 ? start : null);
		return "renovation/public-funds";
	}

	private PublicProject publicProject(UUID projectId) {
		Views.Project project = this.projects.view(projectId);
		List<Views.Receipt> receipts = this.projects.receipts(projectId);
		List<Views.Disbursement> payments = this.disbursements.ofProject(projectId).stream()
			.filter(d -> "DISBURSED".equals(d.status()))
			.toList();
		return new PublicProject(project, receipts, payments,
				receipts.stream().mapToLong(Views.Receipt::amountFen).sum(),
				payments.stream().mapToLong(Views.Disbursement::amountFen).sum());
	}

	/** The entry's type, read from the canonical JSON envelope {"at":...,"data":...,"type":"..."}. */
	static String type(String payload) {
		int at = payload.lastIndexOf("\"type\":\"");
		if (at < 0) {
			return "";
		}
		int from = at + "\"type\":\"".length();
		int to = payload.indexOf('"', from);
		return to < 0 ? "" : payload.substring(from, to);
	}

}
