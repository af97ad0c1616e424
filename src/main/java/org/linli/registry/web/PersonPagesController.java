package org.linli.registry.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.PersonRecord;
import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.registry.domain.VehicleService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The persons of a compound for staff: a paged list searched by the start of a name or an exact mobile or ID number
 * (through the blind index), and one person's page with their tags, room and vehicles, masked by role.
 */
@Controller
@RequestMapping("/console/communities/{cid}/persons")
class PersonPagesController {

	/**
	 * One line of the list, ready to show: the person masked for the reader, the paths of their page and of their room
	 * if they live in one. Ready strings keep the template to one plain expression per cell (most of a list page's
	 * time was evaluating expressions, docs/performance.md).
	 */
	record PersonRow(String name, String phone, String idNumber, String relationKey, String path, String roomLabel,
			String roomPath) {

		static PersonRow of(UUID cid, PersonRecord person, RegistryQueries.RoomLabel room) {
			String communityPath = "/console/communities/" + cid;
			return new PersonRow(person.name(), person.phone(), person.idNumber(), "relation." + person.relation(),
					communityPath + "/persons/" + person.id(), room == null ? null : room.label(),
					room == null ? null : communityPath + "/rooms/" + room.roomId());
		}

	}

	private final RegistryAccess access;

	private final PersonService persons;

	private final RegistryQueries queries;

	private final VehicleService vehicles;

	private final CommunityService communities;

	private final Problems problems;

	private final AuditApi audit;

	PersonPagesController(RegistryAccess access, PersonService persons, RegistryQueries queries,
			VehicleService vehicles, CommunityService communities, Problems problems, AuditApi audit) {
		this.audit = audit;
		this.access = access;
		this.persons = persons;
		this.queries = queries;
		this.vehicles = vehicles;
		this.communities = communities;
		this.problems = problems;
	}

	@GetMapping
	String list(@PathVariable UUID cid, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		CurrentUser user = this.access.requireRead(cid);
		show(cid, user, this.persons.page(cid, "", phone, name, Paging.of(page, size)), model);
		model.addAttribute("name", name);
		model.addAttribute("phone", phone);
		return "registry/persons";
	}

	/**
	 * Exact search by a document number. A POST, so the number stays out of addresses, browser history and access
	 * logs; the few matches need no pager. Audited, as a look-up of a person by their ID number.
	 */
	@PostMapping("/by-document")
	String byDocument(@PathVariable UUID cid, @RequestParam(defaultValue = "") String idNumber, Model model,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		Page<PersonRecord> found = idNumber.isBlank() ? Page.empty(Paging.of(0, 20))
				: this.persons.page(cid, idNumber, "", "", Paging.of(0, 100));
		this.audit.record(new AuditRecord(user.getUsername(), "SEARCH person by document", request.getRequestURI(),
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), found.getTotalElements() + " found"));
		show(cid, user, found, model);
		model.addAttribute("name", "");
		model.addAttribute("phone", "");
		model.addAttribute("byDocument", true);
		return "registry/persons";
	}

	private void show(UUID cid, CurrentUser user, Page<PersonRecord> found, Model model) {
		var rooms = this.queries.roomsOfHouseholds(cid,
				found.getContent().stream().map(PersonRecord::householdId).filter(Objects::nonNull).toList());
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("page", found);
		model.addAttribute("rows", found.getContent()
			.stream()
			.map(p -> PersonRow.of(cid, PersonalDataPolicy.view(p, user, false, false),
					p.householdId() == null ? null : rooms.get(p.householdId())))
			.toList());
	}

	@GetMapping("/{pid}")
	String person(@PathVariable UUID cid, @PathVariable UUID pid, Model model) {
		CurrentUser user = this.access.requireRead(cid);
		PersonRecord person = this.persons.find(cid, pid).orElseThrow(() -> DomainException.notFound("person.notFound"));
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("person", PersonalDataPolicy.view(person, user, false, false));
		model.addAttribute("version", this.persons.version(cid, pid));
		model.addAttribute("room", this.queries.roomOfHousehold(cid, person.householdId()).orElse(null));
		model.addAttribute("vehicles", this.vehicles.ofPerson(cid, pid)
			.stream()
			.map(v -> new RegistryPagesController.VehicleRow(v.id(), PersonalDataPolicy.plate(user, v.plate()),
					v.newEnergy(), null))
			.toList());
		model.addAttribute("tags", PersonService.Tag.values());
		model.addAttribute("mayWrite", this.access.mayWrite(cid));
		return "registry/person";
	}

	/**
	 * Replaces the tags; the form carries the version it was read at, so a colleague's change in between is refused
	 * with a message instead of being overwritten.
	 */
	@PostMapping("/{pid}/tags")
	String tags(@PathVariable UUID cid, @PathVariable UUID pid, @RequestParam(required = false) List<String> tags,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		try {
			if (version == null) {
				throw DomainException.invalid("version", "validation.NotNull");
			}
			this.persons.setTags(cid, pid, tags == null ? List.of() : tags, version);
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/console/communities/" + cid + "/persons/" + pid;
	}

}
