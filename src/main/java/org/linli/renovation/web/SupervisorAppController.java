package org.linli.renovation.web;

import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.renovation.Actor;
import org.linli.renovation.domain.DisbursementService;
import org.linli.renovation.domain.ProjectService;
import org.linli.renovation.domain.SupervisionService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident supervisor's pages in the resident app (elderly mode works): the whole project they supervise, and
 * their objections with the answers. Residents who supervise nothing are refused.
 */
@Controller
@RequestMapping("/app/renovation")
class SupervisorAppController {

	private final SupervisionService supervision;

	private final ProjectService projects;

	private final DisbursementService disbursements;

	private final IdentityApi identity;

	private final Problems problems;

	SupervisorAppController(SupervisionService supervision, ProjectService projects,
			DisbursementService disbursements, IdentityApi identity, Problems problems) {
		this.supervision = supervision;
		this.projects = projects;
		this.disbursements = disbursements;
		this.identity = identity;
		this.problems = problems;
	}

	private CurrentUser user() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

	private CurrentUser supervisorOf(UUID pid) {
		CurrentUser user = user();
		if (!this.projects.exists(pid) || !this.supervision.isSupervisor(pid, user.id())) {
			throw new AccessDeniedException("not a supervisor of " + pid);
		}
		return user;
	}

	@GetMapping
	String index(Model model) {
		List<UUID> supervised = this.supervision.supervisedBy(user().id());
		if (supervised.isEmpty()) {
			throw new AccessDeniedException("supervises no project");
		}
		if (supervised.size() == 1) {
			return "redirect:/app/renovation/projects/" + supervised.getFirst();
		}
		model.addAttribute("projects", supervised.stream().map(this.projects::view).toList());
		return "renovation/app-projects";
	}

	@GetMapping("/projects/{pid}")
	String project(@PathVariable UUID pid, Model model) {
		supervisorOf(pid);
		model.addAttribute("project", this.projects.view(pid));
		model.addAttribute("receipts", this.projects.receipts(pid));
		model.addAttribute("disbursements", this.disbursements.ofProject(pid));
		model.addAttribute("changes", this.projects.changes(pid));
		model.addAttribute("supervision", this.supervision.supervision(pid));
		return "renovation/app-project";
	}

	@PostMapping("/projects/{pid}/objections")
	String object(@PathVariable UUID pid, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
		Actor actor = Actor.of(supervisorOf(pid));
		try {
			this.supervision.object(pid, text, actor);
			redirect.addFlashAttribute("done", true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:/app/renovation/projects/" + pid;
	}

}
