package org.linli.iot.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.iot.domain.AlarmService;
import org.linli.iot.domain.DeviceDirectory;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The guard room: the live alarm board (htmx polling, no reload), figures and the device list. */
@Controller
class SecurityConsoleController {

	private final SecurityStaff staff;

	private final AlarmService alarms;

	private final DeviceDirectory devices;

	private final RegistryApi registry;

	private final Clock clock;

	SecurityConsoleController(SecurityStaff staff, AlarmService alarms, DeviceDirectory devices, RegistryApi registry,
			Clock clock) {
		this.staff = staff;
		this.alarms = alarms;
		this.devices = devices;
		this.registry = registry;
		this.clock = clock;
	}

	/** The first community the account serves, or the one chosen. */
	private UUID community(CurrentUser user, UUID chosen) {
		if (chosen != null) {
			return chosen;
		}
		List<CommunitySummary> mine = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		return mine.stream().findFirst().map(CommunitySummary::id)
			.orElseThrow(() -> DomainException.notFound("iot.community.notFound"));
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

	@GetMapping("/console/security/devices")
	String devices(@RequestParam(required = false) UUID cid, org.springframework.security.core.Authentication auth,
			Model model) {
		UUID community = community((CurrentUser) auth.getPrincipal(), cid);
		this.staff.require(community);
		model.addAttribute("cid", community);
		model.addAttribute("devices", this.devices.list(community, null, 500, 0));
		return "security/devices";
	}

	private void fill(UUID community, Model model) {
		model.addAttribute("active", this.alarms.list(community, "ACTIVE", 100, 0));
		model.addAttribute("onDuty", this.alarms.onDuty(community));
	}

}
