package org.linli.registry.web;

import java.util.List;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.registry.domain.RegistrySearch;
import org.linli.registry.domain.VehicleService;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.DataQuality;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages of the registry: compound, building grid, household file (一户一档) and search. */
@Controller
@RequestMapping("/console/communities/{cid}")
class RegistryPagesController {

	record SearchRow(UUID roomId, String room, String person) {
	}

	/** A vehicle of the household as the household file lists it, masked for the reader. */
	record VehicleRow(UUID id, String plate, boolean newEnergy, String owner) {
	}

	private final RegistryAccess access;

	private final RegistryQueries queries;

	private final PersonService persons;

	private final RegistrySearch search;

	private final CommunityService communities;

	private final DataQuality quality;

	private final org.linli.audit.AuditApi audit;

	private final VehicleService vehicles;

	private final java.time.Clock clock;

	RegistryPagesController(RegistryAccess access, RegistryQueries queries, PersonService persons,
			RegistrySearch search, CommunityService communities, DataQuality quality, org.linli.audit.AuditApi audit,
			VehicleService vehicles, java.time.Clock clock) {
		this.clock = clock;
		this.quality = quality;
		this.audit = audit;
		this.vehicles = vehicles;
		this.access = access;
		this.queries = queries;
		this.persons = persons;
		this.search = search;
		this.communities = communities;
	}

	@GetMapping
	String compound(@PathVariable UUID cid, Model model) {
		this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("buildings", this.queries.buildings(cid));
		return "registry/compound";
	}

	@GetMapping("/buildings/{bid}")
	String building(@PathVariable UUID cid, @PathVariable UUID bid, Model model) {
		this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("buildingName",
				this.queries.buildingName(cid, bid).orElseThrow(() -> DomainException.notFound("room.building.unknown")));
		model.addAttribute("units", this.queries.rooms(cid, bid)
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(RegistryQueries.RoomCell::unit, java.util.TreeMap::new,
					java.util.stream.Collectors.toList())));
		return "registry/building";
	}

	/** The household file; {@code reveal} shows one resident's full identifiers to roles that may, audited. */
	@GetMapping("/rooms/{rid}")
	String room(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(required = false) UUID reveal,
			Model model, jakarta.servlet.http.HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		if (reveal != null) {
			boolean allowed = PersonalDataPolicy.mayReveal(user);
			this.audit.record(new org.linli.audit.AuditRecord(user.getUsername(), "REVEAL person",
					request.getRequestURI() + "?reveal=" + reveal,
					allowed ? org.linli.audit.AuditRecord.Result.SUCCESS : org.linli.audit.AuditRecord.Result.REJECTED,
					request.getRemoteAddr(), "idNumber, phone"));
			if (!allowed) {
				throw new org.springframework.security.access.AccessDeniedException("may not reveal personal data");
			}
		}
		model.addAttribute("mayReveal", PersonalDataPolicy.mayReveal(user));
		model.addAttribute("mayWrite", this.access.mayWrite(cid));
		householdFile(cid, rid, user, reveal, model);
		return "registry/room";
	}

	/**
	 * The household file to print (no menu, print styles), masked for the reader's role and never revealed; printing
	 * is recorded in the audit trail like an export.
	 */
	@GetMapping("/rooms/{rid}/print")
	String print(@PathVariable UUID cid, @PathVariable UUID rid, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		householdFile(cid, rid, user, null, model);
		this.audit.record(new org.linli.audit.AuditRecord(user.getUsername(), "PRINT household file",
				request.getRequestURI(), org.linli.audit.AuditRecord.Result.SUCCESS, request.getRemoteAddr(), null));
		model.addAttribute("printedBy", user.displayName());
		model.addAttribute("printedAt", java.time.LocalDateTime.now(this.clock).withSecond(0).withNano(0)
			.toString().replace('T', ' '));
		return "registry/room-print";
	}

	private void householdFile(UUID cid, UUID rid, CurrentUser user, UUID reveal, Model model) {
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("room",
				this.queries.room(cid, rid).orElseThrow(() -> DomainException.notFound("room.unknown")));
		// property staff also keep the household's door credentials (access module's page)
		model.addAttribute("mayManageAccess", this.access.mayWrite(cid));
		List<org.linli.registry.domain.PersonRecord> residents = this.queries.residents(cid, rid)
			.stream()
			.flatMap(id -> this.persons.find(cid, id).stream())
			.map(person -> PersonalDataPolicy.view(person, user, person.id().equals(reveal), false))
			.toList();
		model.addAttribute("residents", residents);
		model.addAttribute("vehicles", this.queries.householdOf(cid, rid)
			.map(household -> this.vehicles.ofHousehold(cid, household))
			.orElse(List.of())
			.stream()
			.map(v -> new VehicleRow(v.id(), PersonalDataPolicy.plate(user, v.plate()), v.newEnergy(),
					residents.stream().filter(p -> p.id().equals(v.personId())).map(p -> p.name()).findFirst()
						.orElse(null)))
			.toList());
		model.addAttribute("owners", this.queries.owners(cid, rid)
			.stream()
			.map(o -> new RegistryQueries.Owner(o.ownerType(), o.personId(),
					o.name() == null ? null : PersonalDataPolicy.name(user, o.name()), o.since(), o.until()))
			.toList());
	}


	@GetMapping("/quality")
	String quality(@PathVariable UUID cid, Model model) {
		this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("findings", this.quality.report(cid));
		if (this.access.mayWrite(cid)) {
			CurrentUser user = this.access.requireWrite(cid);
			model.addAttribute("duplicates", this.quality.duplicatePairs(cid, 50)
				.stream()
				.map(pair -> new DataQuality.DuplicatePair(pair.firstId(), pair.secondId(),
						PersonalDataPolicy.name(user, pair.name())))
				.toList());
		}
		return "registry/quality";
	}

	@GetMapping("/search")
	String search(@PathVariable UUID cid, @RequestParam(defaultValue = "") String q, Model model) {
		CurrentUser user = this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("q", q);
		List<SearchRow> rows = this.search.search(cid, q).stream().map(hit -> {
			String room = hit.roomId() == null ? null : this.queries.room(cid, hit.roomId())
				.map(r -> r.building() + " " + r.unit() + "-" + r.number()).orElse(null);
			String person = hit.personId() == null ? null : this.persons.find(cid, hit.personId())
				.map(p -> PersonalDataPolicy.name(user, p.name())).orElse(null);
			return new SearchRow(hit.roomId(), room, person);
		}).toList();
		model.addAttribute("results", rows);
		return "registry/search";
	}

}
