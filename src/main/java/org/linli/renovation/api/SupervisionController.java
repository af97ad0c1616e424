package org.linli.renovation.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.renovation.Actor;
import org.linli.renovation.Views;
import org.linli.renovation.domain.ProjectService;
import org.linli.renovation.domain.SupervisionService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resident supervisors: the project manager appoints residents of the compound; supervisors (and the staff of the
 * compound) read the whole project and its objections; supervisors file objections, the project team answers.
 */
@RestController
class SupervisionController {

	record Appointment(String username) {
	}

	record NewObjection(String text) {
	}

	record Answer(String answer) {
	}

	/** Staff who read renovation projects, as in {@link RenovationController}. */
	private static final Set<Role> READERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROJECT_MANAGER,
			Role.SUPERVISING_ENGINEER, Role.OWNER_REPRESENTATIVE, Role.STREET_OFFICER, Role.COMMITTEE_MEMBER,
			Role.AUDITOR);

	private final SupervisionService supervision;

	private final ProjectService projects;

	private final CommunityAccess access;

	private final IdentityApi identity;

	SupervisionController(SupervisionService supervision, ProjectService projects, CommunityAccess access,
			IdentityApi identity) {
		this.supervision = supervision;
		this.projects = projects;
		this.access = access;
		this.identity = identity;
	}

	/** Staff of the compound, or a resident supervisor of this project. */
	private CurrentUser reader(UUID pid) {
		CurrentUser user = this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		if (user.hasAnyRole(READERS)) {
			return this.access.require(this.projects.communityOf(pid));
		}
		if (!this.projects.exists(pid) || !this.supervision.isSupervisor(pid, user.id())) {
			throw new AccessDeniedException("not a supervisor of " + pid);
		}
		return user;
	}

	@GetMapping("/api/v1/renovation-projects/{pid}/supervision")
	Views.Supervision supervision(@PathVariable UUID pid) {
		reader(pid);
		return this.supervision.supervision(pid);
	}

	@GetMapping("/api/v1/renovation-projects/{pid}/supervised-view")
	Views.Project supervisedView(@PathVariable UUID pid) {
		reader(pid);
		return this.projects.view(pid);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/supervisors")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN')")
	Views.Supervision appoint(@PathVariable UUID pid, @RequestBody Appointment appointment) {
		Actor actor = Actor.of(this.access.require(this.projects.communityOf(pid)));
		this.supervision.appoint(pid, appointment.username(), actor);
		return this.supervision.supervision(pid);
	}

	@DeleteMapping("/api/v1/renovation-projects/{pid}/supervisors/{aid}")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void dismiss(@PathVariable UUID pid, @PathVariable UUID aid) {
		Actor actor = Actor.of(this.access.require(this.projects.communityOf(pid)));
		this.supervision.dismiss(pid, aid, actor);
	}

	@PostMapping("/api/v1/renovation-projects/{pid}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> object(@PathVariable UUID pid, @RequestBody NewObjection objection) {
		Actor actor = Actor.of(reader(pid));
		return Map.of("id", this.supervision.object(pid, objection.text(), actor));
	}

	@PostMapping("/api/v1/objections/{oid}/answer")
	@PreAuthorize("hasAnyRole('PROJECT_MANAGER', 'PLATFORM_ADMIN')")
	Views.Supervision answer(@PathVariable UUID oid, @RequestBody Answer answer) {
		UUID pid = this.supervision.projectOfObjection(oid);
		Actor actor = Actor.of(this.access.require(this.projects.communityOf(pid)));
		this.supervision.answer(oid, answer.answer(), actor);
		return this.supervision.supervision(pid);
	}

}
