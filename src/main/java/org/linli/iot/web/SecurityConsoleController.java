package org.linli.iot.web;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.iot.domain.AlarmService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The guard room: the live alarm board (htmx polling, no reload) and figures. */
@Controller
class SecurityConsoleController {

	private final SecurityStaff staff;

	private final AlarmService alarms;

	private final ConsoleCommunity communities;

	private final Clock clock;

	SecurityConsoleController(SecurityStaff staff, AlarmService alarms, ConsoleCommunity communities, Clock clock) {
		this.staff = staff;
		this.alarms = alarms;
		this.communities = communities;
		this.clock = clock;
	}

	private UUID community(CurrentUser user, UUID chosen) {
		return this.communities.of(user, chosen);
	}

	@GetMapping("/console/security/alarms")
	String board(@RequestParam(required = false) UUID cid, org.springframework.security.core.Authentication auth,
			Model model) {
		UUID community = community((CurrentUser) auth.getPrincipal(), cid);
		this.staff.require(community);
		model.addAttribute("cid", community);
		fill(community, model);
		model.addAttribute("figures", this.alarms.figures(community, this.clock.instant().minus(Duration.ofDays(30))));
		return "security/alarms";
	}

	/** The board's live part, fetched by htmx every few seconds. */
	@GetMapping("/console/security/alarms/live")
	String live(@RequestParam UUID cid, Model model) {
		this.staff.require(cid);
		model.addAttribute("cid", cid);
		fill(cid, model);
		return "security/alarms :: live";
	}

	@PostMapping("/console/security/alarms/{id}/acknowledge")
	String acknowledge(@RequestParam UUID cid, @PathVariable UUID id) {
		CurrentUser user = this.staff.require(cid);
		this.alarms.acknowledge(cid, id, user.getUsername());
		return "redirect:/console/security/alarms?cid=" + cid;
	}

	@PostMapping("/console/security/alarms/{id}/clear")
	String clear(@RequestParam UUID cid, @PathVariable UUID id, @RequestParam(required = false) String note) {
		CurrentUser user = this.staff.require(cid);
		if (note != null && !note.isBlank()) {
			this.alarms.handle(cid, id, note, null, user.getUsername());
		}
		this.alarms.clear(cid, id, user.getUsername());
		return "redirect:/console/security/alarms?cid=" + cid;
	}

	private void fill(UUID community, Model model) {
		model.addAttribute("active", this.alarms.list(community, "ACTIVE", 100, 0));
		model.addAttribute("onDuty", this.alarms.onDuty(community));
	}

}
