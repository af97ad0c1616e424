package org.linli.iot.web;

import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.iot.domain.Simulations;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Demo mode only: the manager plays a short simulation of the compound's devices through the broker (heartbeats,
 * door passages, a water leak and smoke now and then) and watches the counts and the alarm board move.
 */
@Controller
class SimulatorController {

	private final SecurityStaff staff;

	private final Simulations simulations;

	private final RegistryApi registry;

	private final Problems problems;

	SimulatorController(SecurityStaff staff, Simulations simulations, RegistryApi registry, Problems problems) {
		this.staff = staff;
		this.simulations = simulations;
		this.registry = registry;
		this.problems = problems;
	}

	@GetMapping("/console/security/simulator")
	String page(@RequestParam(required = false) UUID cid, Authentication auth, Model model) {
		UUID community = community((CurrentUser) auth.getPrincipal(), cid);
		this.staff.requireManager(community);
		requireDemo();
		return fill(community, model, 20, 30, true);
	}

	@GetMapping("/console/security/simulator/status")
	String status(@RequestParam UUID cid, Model model) {
		this.staff.requireManager(cid);
		requireDemo();
		model.addAttribute("cid", cid);
		model.addAttribute("run", this.simulations.status(cid));
		return "security/simulator :: status";
	}

	@PostMapping("/console/security/simulator/start")
	String start(@RequestParam UUID cid, @RequestParam(required = false) String rate,
			@RequestParam(required = false) String seconds, @RequestParam(defaultValue = "false") boolean incidents,
			Model model) {
		CurrentUser user = this.staff.requireManager(cid);
		requireDemo();
		try {
			this.simulations.start(cid, number(rate), number(seconds), incidents, user.getUsername());
			return "redirect:/console/security/simulator?cid=" + cid;
		}
		catch (DomainException ex) {
			if (ex.violations().isEmpty()) {
				model.addAttribute("error", ex.code());
			}
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			return fill(cid, model, rate, seconds, incidents);
		}
	}

	@PostMapping("/console/security/simulator/stop")
	String stop(@RequestParam UUID cid) {
		this.staff.requireManager(cid);
		requireDemo();
		this.simulations.stop(cid);
		return "redirect:/console/security/simulator?cid=" + cid;
	}

	private String fill(UUID cid, Model model, Object rate, Object seconds, boolean incidents) {
		model.addAttribute("cid", cid);
		model.addAttribute("run", this.simulations.status(cid));
		model.addAttribute("rate", rate);
		model.addAttribute("seconds", seconds);
		model.addAttribute("incidents", incidents);
		model.addAttribute("maxRate", Simulations.MAX_RATE);
		model.addAttribute("maxSeconds", Simulations.MAX_SECONDS);
		return "security/simulator";
	}

	private void requireDemo() {
		if (!this.simulations.available()) {
			throw DomainException.notFound("iot.simulator.demoOnly");
		}
	}

	private UUID community(CurrentUser user, UUID chosen) {
		if (chosen != null) {
			return chosen;
		}
		List<CommunitySummary> mine = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		return mine.stream().findFirst().map(CommunitySummary::id)
			.orElseThrow(() -> DomainException.notFound("iot.community.notFound"));
	}

	/** A whole number as typed; anything else is null, which the service refuses as a field error. */
	private static Integer number(String value) {
		try {
			return value == null ? null : Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
