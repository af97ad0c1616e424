package org.linli.renovation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.renovation.Actor;
import org.linli.renovation.FundingKind;
import org.linli.renovation.PaymentStage;
import org.linli.renovation.ProjectPlan;
import org.linli.renovation.ReviewStep;
import org.linli.renovation.Views;
import org.linli.renovation.domain.DisbursementService;
import org.linli.renovation.domain.ProjectService;
import org.linli.renovation.domain.SupervisionService;
import org.linli.shared.DemoMode;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The renovation workbench: the project manager runs projects (budget, reviews, funding, contracts, payments,
 * progress, changes, contingency, supervisors, answers to objections); the three signing roles sign payments; the
 * street office reads and confirms emergencies. Every action is checked again by the services; refusals come back as
 * translated messages on the project page.
 */
@Controller
@RequestMapping("/console/renovation")
class RenovationPagesController {

	static final String READERS = "hasAnyRole('PLATFORM_ADMIN', 'PROJECT_MANAGER', 'SUPERVISING_ENGINEER', "
			+ "'OWNER_REPRESENTATIVE', 'STREET_OFFICER', 'COMMITTEE_MEMBER', 'AUDITOR')";

	private static final String MANAGER = "hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN')";

	private final ProjectService projects;

	private final DisbursementService disbursements;

	private final SupervisionService supervision;

	private final CommunityAccess access;

	private final IdentityApi identity;

	private final RegistryApi registry;

	private final DemoMode demoMode;

	private final Problems problems;

	RenovationPagesController(ProjectService projects, DisbursementService disbursements,
			SupervisionService supervision, CommunityAccess access, IdentityApi identity, RegistryApi registry,
			DemoMode demoMode, Problems problems) {
		this.projects = projects;
		this.disbursements = disbursements;
		this.supervision = supervision;
		this.access = access;
		this.identity = identity;
		this.registry = registry;
		this.demoMode = demoMode;
		this.problems = problems;
	}

	record CompoundProjects(CommunitySummary community, List<Views.Project> projects) {
	}

	@GetMapping
	@PreAuthorize(READERS)
	String index(Model model) {
		CurrentUser user = this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		List<CommunitySummary> communities = user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
		model.addAttribute("compounds", communities.stream()
			.map(c -> new CompoundProjects(c, this.projects.projectsOf(c.id()).stream().map(this.projects::view).toList()))
			.toList());
		model.addAttribute("canManage", manages(user));
		model.addAttribute("kinds", FundingKind.values());
		return "renovation/projects";
	}

	@PostMapping("/communities/{cid}/projects")
	@PreAuthorize(MANAGER)
	String create(@PathVariable UUID cid, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate startsOn, @RequestParam(defaultValue = "") String lines,
			@RequestParam(defaultValue = "") List<String> fundingKind,
			@RequestParam(defaultValue = "") List<String> fundingYuan, RedirectAttributes redirect) {
		Actor actor = Actor.of(this.access.require(cid));
		UUID[] created = new UUID[1];
		boolean ok = act(redirect, () -> {
			List<ProjectPlan.Source> sources = new ArrayList<>();
			for (int i = 0; i < Math.min(fundingKind.size(), fundingYuan.size()); i++) {
				Long fen = YuanFormat.fen(fundingYuan.get(i), "fundingSources");
				if (fen != null && fen > 0) {
					sources.add(new ProjectPlan.Source(FundingKind.valueOf(fundingKind.get(i)), fen));
				}
			}
			created[0] = this.projects.create(cid, new ProjectPlan(name, startsOn, budgetLines(lines), sources),
					actor);
		});
		if (!ok) {
			redirect.addFlashAttribute("form", new ProjectForm(cid, name, startsOn, lines));
			return "redirect:/console/renovation";
		}
		return "redirect:/console/renovation/projects/" + created[0];
	}

	/** What the creation form held, shown again after a refusal. */
	record ProjectForm(UUID communityId, String name, LocalDate startsOn, String lines) {
	}

	/** One budget line per text line: code, name, phase, amount in yuan (comma, tab or ｜ separated). */
	static List<ProjectPlan.Line> budgetLines(String text) {
		List<ProjectPlan.Line> lines = new ArrayList<>();
		for (String row : text.split("\\R")) {
			if (row.isBlank()) {
				continue;
			}
			String[] parts = row.split("\\s*[,，\\t|｜]\\s*");
			if (parts.length != 4 || !parts[2].strip().matches("[1-4]")) {
				throw DomainException.invalid("budgetLines", "renovation.budget.line");
			}
			lines.add(new ProjectPlan.Line(parts[0].strip().toUpperCase(java.util.Locale.ROOT), parts[1].strip(),
					Integer.valueOf(parts[2].strip()), YuanFormat.fen(parts[3], "budgetLines")));
		}
		return lines;
	}

	@GetMapping("/projects/{pid}")
	@PreAuthorize(READERS)
	String project(@PathVariable UUID pid, Model model) {
		CurrentUser user = this.access.require(this.projects.communityOf(pid));
		Views.Project project = this.projects.view(pid);
		model.addAttribute("project", project);
		model.addAttribute("community", this.registry.summaries(List.of(project.communityId())).stream().findFirst()
			.orElse(null));
		model.addAttribute("receipts", this.projects.receipts(pid));
		model.addAttribute("disbursements", this.disbursements.ofProject(pid));
		model.addAttribute("changes", this.projects.changes(pid));
		model.addAttribute("releases", this.projects.contingencyReleases(pid));
		model.addAttribute("supervision", this.supervision.supervision(pid));
		model.addAttribute("canManage", manages(user));
		model.addAttribute("canProgress", manages(user) || user.hasRole(Role.SUPERVISING_ENGINEER));
		List<Role> signingRoles = DisbursementService.SIGNING_ROLES.stream().filter(user::hasRole).toList();
		model.addAttribute("signingRoles", signingRoles);
		model.addAttribute("canConfirm", user.hasRole(Role.STREET_OFFICER));
		model.addAttribute("askTotp", !this.demoMode.enabled());
		model.addAttribute("kinds", FundingKind.values());
		model.addAttribute("steps", ReviewStep.values());
		model.addAttribute("stages", PaymentStage.values());
		model.addAttribute("emergencies", DisbursementService.EMERGENCIES.stream().sorted().toList());
		model.addAttribute("nextStep", project.reviews().size() < ReviewStep.values().length
				? ReviewStep.values()[project.reviews().size()] : null);
		model.addAttribute("contingencyLeftFen", project.contingencyFen() - project.contingencyReleasedFen());
		return "renovation/project";
	}

	@PostMapping("/projects/{pid}/reviews")
	@PreAuthorize(MANAGER)
	String review(@PathVariable UUID pid, @RequestParam(required = false) ReviewStep step,
			@RequestParam(defaultValue = "") String reviewer, @RequestParam(required = false) String reference,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.review(pid, step, reviewer, blankToNull(reference), actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/receipts")
	@PreAuthorize(MANAGER)
	String receive(@PathVariable UUID pid, @RequestParam(required = false) FundingKind kind,
			@RequestParam(defaultValue = "") String amount, @RequestParam(required = false) LocalDate receivedOn,
			@RequestParam(defaultValue = "") String reference, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.receive(pid, kind, YuanFormat.fen(amount, "amountFen"), receivedOn,
				reference, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/contracts")
	@PreAuthorize(MANAGER)
	String contract(@PathVariable UUID pid, @RequestParam(required = false) UUID budgetLineId,
			@RequestParam(defaultValue = "") String contractor, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String amount, @RequestParam(required = false) LocalDate signedOn,
			@RequestParam(required = false) Integer warrantyMonths, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.disbursements.createContract(pid, budgetLineId, contractor, title,
				YuanFormat.fen(amount, "amountFen"), signedOn, warrantyMonths, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/contracts/{kid}/acceptance")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN', 'SUPERVISING_ENGINEER')")
	String accept(@PathVariable UUID pid, @PathVariable UUID kid, @RequestParam(required = false) LocalDate acceptedOn,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfContract(kid));
		act(redirect, () -> this.disbursements.accept(kid, acceptedOn, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/contracts/{kid}/disbursements")
	@PreAuthorize(MANAGER)
	String request(@PathVariable UUID pid, @PathVariable UUID kid, @RequestParam(required = false) PaymentStage stage,
			@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String purpose,
			@RequestParam(defaultValue = "false") boolean maintenanceFund,
			@RequestParam(required = false) String emergencyKind, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfContract(kid));
		act(redirect, () -> this.disbursements.request(kid, new DisbursementService.Request(stage,
				YuanFormat.fen(amount, "amountFen"), purpose, maintenanceFund, null, blankToNull(emergencyKind)),
				actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/disbursements/{did}/signatures")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'SUPERVISING_ENGINEER', 'OWNER_REPRESENTATIVE')")
	String sign(@PathVariable UUID pid, @PathVariable UUID did, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String totp, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfDisbursement(did));
		act(redirect, () -> this.disbursements.sign(did, role, totp, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/disbursements/{did}/release")
	@PreAuthorize(MANAGER)
	String release(@PathVariable UUID pid, @PathVariable UUID did, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfDisbursement(did));
		act(redirect, () -> this.disbursements.release(did, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/disbursements/{did}/cancellation")
	@PreAuthorize(MANAGER)
	String cancel(@PathVariable UUID pid, @PathVariable UUID did, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfDisbursement(did));
		act(redirect, () -> this.disbursements.cancel(did, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/disbursements/{did}/emergency-confirmation")
	@PreAuthorize("hasRole('STREET_OFFICER')")
	String confirmEmergency(@PathVariable UUID pid, @PathVariable UUID did, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.disbursements.projectOfDisbursement(did));
		act(redirect, () -> this.disbursements.confirmEmergency(did, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/phases/{number}/progress")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN', 'SUPERVISING_ENGINEER')")
	String progress(@PathVariable UUID pid, @PathVariable int number,
			@RequestParam(required = false) Integer progressPercent, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.progress(pid, number, progressPercent, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/milestones/{code}/achievement")
	@PreAuthorize(MANAGER)
	String achieve(@PathVariable UUID pid, @PathVariable String code,
			@RequestParam(required = false) LocalDate achievedOn, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.achieve(pid, code, achievedOn, blankToNull(note), actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/changes")
	@PreAuthorize(MANAGER)
	String change(@PathVariable UUID pid, @RequestParam(required = false) UUID budgetLineId,
			@RequestParam(defaultValue = "") String delta, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.requestChange(pid, budgetLineId, YuanFormat.fen(delta, "deltaFen"), reason,
				actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/changes/{id}/approval")
	@PreAuthorize(MANAGER)
	String approve(@PathVariable UUID pid, @PathVariable UUID id, @RequestParam(required = false) String decisionRef,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.projects.projectOfChange(id));
		act(redirect, () -> this.projects.approveChange(id, blankToNull(decisionRef), actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/contingency-releases")
	@PreAuthorize(MANAGER)
	String releaseContingency(@PathVariable UUID pid, @RequestParam(required = false) UUID budgetLineId,
			@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String decisionRef,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.projects.releaseContingency(pid, budgetLineId, YuanFormat.fen(amount, "amountFen"),
				decisionRef, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/supervisors")
	@PreAuthorize(MANAGER)
	String appoint(@PathVariable UUID pid, @RequestParam(defaultValue = "") String username,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.supervision.appoint(pid, username, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/supervisors/{aid}/dismissal")
	@PreAuthorize(MANAGER)
	String dismiss(@PathVariable UUID pid, @PathVariable UUID aid, RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		act(redirect, () -> this.supervision.dismiss(pid, aid, actor));
		return back(pid);
	}

	@PostMapping("/projects/{pid}/objections/{oid}/answer")
	@PreAuthorize(MANAGER)
	String answer(@PathVariable UUID pid, @PathVariable UUID oid, @RequestParam(defaultValue = "") String answer,
			RedirectAttributes redirect) {
		Actor actor = actorIn(pid);
		requireSame(pid, this.supervision.projectOfObjection(oid));
		act(redirect, () -> this.supervision.answer(oid, answer, actor));
		return back(pid);
	}

	private static boolean manages(CurrentUser user) {
		return user.hasAnyRole(EnumSet.of(Role.PROJECT_MANAGER, Role.PLATFORM_ADMIN));
	}

	private Actor actorIn(UUID pid) {
		return Actor.of(this.access.require(this.projects.communityOf(pid)));
	}

	/** A contract, payment, change or objection is only reached through its own project (and so its community). */
	private static void requireSame(UUID pid, UUID actual) {
		if (!pid.equals(actual)) {
			throw DomainException.notFound("renovation.project.notFound");
		}
	}

	/** Runs the action; a refusal becomes translated messages (field -> message) on the next page. */
	private boolean act(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
			return true;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			return false;
		}
	}

	private static String back(UUID pid) {
		return "redirect:/console/renovation/projects/" + pid;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
