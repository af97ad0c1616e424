package org.linli.registry.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonRecord;
import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.importing.PersonExport;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons of a community, masked by role. A resident reads only the members of their own household; any other person
 * is "not found" to them, so ids reveal nothing. Revealing full values is an audited action.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}/persons")
class PersonsController {

	record NewPerson(String name, String idType, String idNumber, String phone, LocalDate birthDate) {
	}

	private final PersonService persons;

	private final RegistryAccess access;

	private final CommunityAccess communities;

	private final AuditApi audit;

	private final PersonExport export;

	PersonsController(PersonService persons, RegistryAccess access, CommunityAccess communities, AuditApi audit,
			PersonExport export) {
		this.export = export;
		this.persons = persons;
		this.access = access;
		this.communities = communities;
		this.audit = audit;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@PathVariable UUID cid, @RequestBody NewPerson request) {
		this.access.requireWrite(cid);
		UUID id = this.persons.create(cid, new PersonService.NewPerson(request.name(), request.idType(),
				request.idNumber(), request.phone(), request.birthDate()));
		return Map.of("id", id.toString());
	}

	record MoveIn(String roomId, String relation, LocalDate since) {
	}

	record MoveOut(LocalDate until) {
	}

	record Tags(java.util.List<String> tags, Integer version) {
	}

	@PostMapping("/{id}/move-in")
	Map<String, String> moveIn(@PathVariable UUID cid, @PathVariable UUID id, @RequestBody MoveIn request) {
		this.access.requireWrite(cid);
		this.persons.moveIn(cid, id, Ids.parse(request.roomId()), request.relation(), request.since());
		return Map.of("id", id.toString());
	}

	@PostMapping("/{id}/move-out")
	Map<String, String> moveOut(@PathVariable UUID cid, @PathVariable UUID id, @RequestBody MoveOut request) {
		this.access.requireWrite(cid);
		this.persons.moveOut(cid, id, request.until());
		return Map.of("id", id.toString());
	}

	/** Replaces the tags; {@code version} (from GET .../version) guards against overwriting a colleague's change. */
	@org.springframework.web.bind.annotation.PutMapping("/{id}/tags")
	Map<String, Object> tags(@PathVariable UUID cid, @PathVariable UUID id, @RequestBody Tags request) {
		this.access.requireWrite(cid);
		if (request.version() == null) {
			throw DomainException.invalid("version", "validation.NotNull");
		}
		return Map.of("version", this.persons.setTags(cid, id, request.tags(), request.version()));
	}

	@GetMapping("/{id}/version")
	Map<String, Object> version(@PathVariable UUID cid, @PathVariable UUID id) {
		this.access.requireRead(cid);
		return Map.of("version", this.persons.version(cid, id));
	}

	/** The persons of the community as .xlsx, masked for the caller's role; exporting is audited. */
	@GetMapping(value = "/export.xlsx")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable UUID cid, HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		byte[] workbook = this.export.export(cid, user, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		this.audit.record(new AuditRecord(user.getUsername(), "EXPORT persons", request.getRequestURI(),
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), null));
		return org.springframework.http.ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"persons.xlsx\"")
			.contentType(org.springframework.http.MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(workbook);
	}

	/** A page of persons, masked for the caller; filters: exact idNumber or phone, or the start of the name. */
	@GetMapping
	org.springframework.data.web.PagedModel<PersonRecord> list(@PathVariable UUID cid,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		CurrentUser user = this.access.requireRead(cid);
		return new org.springframework.data.web.PagedModel<>(this.persons
			.page(cid, idNumber, phone, name, org.linli.shared.web.Paging.of(page, size))
			.map(person -> PersonalDataPolicy.view(person, user, false, false)));
	}

	@GetMapping("/{id}")
	PersonRecord read(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean reveal, HttpServletRequest request) {
		CurrentUser user = this.communities.require(cid);
		boolean staff = this.access.mayRead(cid);
		boolean sameHousehold = this.persons.sameHousehold(cid, user.personId(), id);
		if (!staff && !sameHousehold) {
			throw DomainException.notFound("person.notFound");
		}
		PersonRecord person = this.persons.find(cid, id)
			.orElseThrow(() -> DomainException.notFound("person.notFound"));
		if (reveal) {
			boolean allowed = PersonalDataPolicy.mayReveal(user);
			this.audit.record(new AuditRecord(user.getUsername(), "REVEAL person", request.getRequestURI(),
					allowed ? AuditRecord.Result.SUCCESS : AuditRecord.Result.REJECTED, request.getRemoteAddr(),
					"idNumber, phone"));
			if (!allowed) {
				throw new AccessDeniedException("may not reveal personal data");
			}
		}
		return PersonalDataPolicy.view(person, user, reveal, sameHousehold);
	}


}
