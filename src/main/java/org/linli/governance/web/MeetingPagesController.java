package org.linli.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.linli.governance.domain.GovernanceAccess;
import org.linli.governance.domain.GovernanceAccess.Duty;
import org.linli.governance.domain.MeetingService;
import org.linli.governance.domain.MeetingService.Attendee;
import org.linli.governance.domain.MeetingService.Party;
import org.linli.identity.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Joint meetings (四方联席会议): schedule, record minutes and attendance, follow action items. */
@Controller
@RequestMapping("/console/communities/{cid}/meetings")
class MeetingPagesController {

	private final MeetingService meetings;

	private final GovernanceAccess access;

	private final GovernanceForms forms;

	MeetingPagesController(MeetingService meetings, GovernanceAccess access, GovernanceForms forms) {
		this.meetings = meetings;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping
	String list(@PathVariable UUID cid, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("meetings", this.meetings.list(cid));
		model.addAttribute("overdue", this.meetings.overdue(cid));
		model.addAttribute("mayKeep", this.access.may(cid, Duty.KEEP_MEETINGS));
		return "governance/meetings";
	}

	@PostMapping
	String schedule(@PathVariable UUID cid, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String location, @RequestParam String agenda, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.KEEP_MEETINGS);
		return this.forms.run("/console/communities/" + cid + "/meetings", flash, "governance.meeting.scheduled",
				() -> this.meetings.schedule(cid, title, heldOn, location, agenda, user.getUsername()));
	}

	@GetMapping("/{mid}")
	String meeting(@PathVariable UUID cid, @PathVariable UUID mid, Model model) {
		this.access.require(cid, Duty.READ);
		model.addAttribute("community", this.forms.community(cid));
		model.addAttribute("meeting", this.meetings.get(cid, mid));
		model.addAttribute("parties", Party.values());
		model.addAttribute("mayKeep", this.access.may(cid, Duty.KEEP_MEETINGS));
		return "governance/meeting";
	}

	@PostMapping("/{mid}/minutes")
	String minutes(@PathVariable UUID cid, @PathVariable UUID mid, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String decisions, @RequestParam(defaultValue = "") String partyNames,
			@RequestParam(defaultValue = "") String committeeNames, @RequestParam(defaultValue = "") String propertyNames,
			@RequestParam(defaultValue = "") String residentNames, @RequestParam int version, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.KEEP_MEETINGS);
		List<Attendee> attendees = new ArrayList<>();
		names(attendees, Party.PARTY, partyNames);
		names(attendees, Party.COMMITTEE, committeeNames);
		names(attendees, Party.PROPERTY, propertyNames);
		names(attendees, Party.RESIDENTS, residentNames);
		return this.forms.run(path(cid, mid), flash, "governance.meeting.recorded", () -> this.meetings
			.recordMinutes(cid, mid, minutes, decisions, attendees, version, user.getUsername()));
	}

	@PostMapping("/{mid}/actions")
	String addAction(@PathVariable UUID cid, @PathVariable UUID mid, @RequestParam(required = false) String title,
			@RequestParam(required = false) String ownerName, @RequestParam(required = false) String ownerParty,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.KEEP_MEETINGS);
		return this.forms.run(path(cid, mid), flash, "governance.action.added", () -> this.meetings.addAction(cid, mid,
				title, ownerName, ownerParty, dueOn, user.getUsername()));
	}

	@PostMapping("/{mid}/actions/{aid}/done")
	String done(@PathVariable UUID cid, @PathVariable UUID mid, @PathVariable UUID aid, RedirectAttributes flash) {
		CurrentUser user = this.access.require(cid, Duty.KEEP_MEETINGS);
		return this.forms.run(path(cid, mid), flash, "governance.action.done",
				() -> this.meetings.complete(cid, aid, user.getUsername()));
	}

	private static void names(List<Attendee> attendees, Party party, String lines) {
		lines.lines().map(String::strip).filter(name -> !name.isEmpty()).forEach(name -> attendees.add(new Attendee(party, name)));
	}

	private static String path(UUID cid, UUID mid) {
		return "/console/communities/" + cid + "/meetings/" + mid;
	}

}
