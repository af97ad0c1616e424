package org.linli.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.MediationService;
import org.linli.governance.domain.MediationService.Party;
import org.linli.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Mediation cases (矛盾调解) through the three levels, with the share resolved within the compound. */
@Controller
@RequestMapping("/console/communities/{cid}/mediation")
class MediationPagesController {

	private final MediationService mediation;

	private final GovernanceAccess access;

	private final GovernanceForms forms;

	MediationPagesController(MediationService mediation, GovernanceAccess access, GovernanceForms forms) {
		this.mediation = mediation;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping
	String list(@PathVariable UUID cid, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("cases", this.mediation.list(cid));
		model.addAttribute("share", this.mediation.share(cid));
		model.addAttribute("categories", MediationService.Category.values());
		model.addAttribute("mayMediate", this.access.may(cid, Duty.MEDIATE));
		return "governance/mediation";
	}

	@PostMapping
	String open(@PathVariable UUID cid, @RequestParam(required = false) String title,
			@RequestParam(required = false) String category, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<String> partyName, @RequestParam(required = false) List<String> partyRoom,
			@RequestParam(required = false) String mediator, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.MEDIATE);
		List<Party> parties = new ArrayList<>();
		if (partyName != null) {
			for (int i = 0; i < partyName.size(); i++) {
				String room = partyRoom != null && i < partyRoom.size() ? partyRoom.get(i) : null;
				parties.add(new Party(partyName.get(i), room));
			}
		}
		return this.forms.run("/console/communities/" + cid + "/mediation", flash, "governance.mediation.opened",
				() -> this.mediation.open(cid, title, category, description, parties, mediator, user.getUsername()));
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID cid, @PathVariable UUID id, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("mcase", this.mediation.get(cid, id));
		model.addAttribute("mayMediate", this.access.may(cid, Duty.MEDIATE));
		return "governance/mediation-case";
	}

	@PostMapping("/{id}/escalate")
	String escalate(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam int version, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.MEDIATE);
		return this.forms.run(path(cid, id), flash, "governance.mediation.escalated",
				() -> this.mediation.escalate(cid, id, note, version, user.getUsername()));
	}

	@PostMapping("/{id}/refer")
	String refer(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam int version, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.MEDIATE);
		return this.forms.run(path(cid, id), flash, "governance.mediation.referred",
				() -> this.mediation.refer(cid, id, note, version, user.getUsername()));
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String satisfaction, @RequestParam int version, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.MEDIATE);
		return this.forms.run(path(cid, id), flash, "governance.mediation.resolved",
				() -> this.mediation.resolve(cid, id, outcome, satisfaction, version, user.getUsername()));
	}

	private static String path(UUID cid, UUID id) {
		return "/console/communities/" + cid + "/mediation/" + id;
	}

}
