package org.linli.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.domain.PersonService;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.registry.domain.RoomService;
import org.linli.registry.domain.VehicleService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The writing forms of the household file: register a person living in the room (person and move-in in one
 * transaction, so a refused move-in leaves no orphan person), record who owns the room, move a resident out and
 * register or remove the household's vehicles.
 */
@Controller
@RequestMapping("/console/communities/{cid}/rooms/{rid}")
class HouseholdFormsController {

	private final RegistryAccess access;

	private final PersonService persons;

	private final RoomService rooms;

	private final TransactionTemplate transaction;

	private final Problems problems;

	private final RegistryQueries queries;

	private final VehicleService vehicles;

	private final Clock clock;

	HouseholdFormsController(RegistryAccess access, PersonService persons, RoomService rooms,
			TransactionTemplate transaction, Problems problems, RegistryQueries queries, VehicleService vehicles,
			Clock clock) {
		this.access = access;
		this.clock = clock;
		this.persons = persons;
		this.rooms = rooms;
		this.transaction = transaction;
		this.problems = problems;
		this.queries = queries;
		this.vehicles = vehicles;
	}

	@PostMapping("/residents")
	String addResident(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam String name,
			@RequestParam String idNumber, @RequestParam(required = false) String phone,
			@RequestParam String relation, RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		return run(cid, rid, redirect, request, () -> this.transaction.executeWithoutResult(status -> {
			UUID person = this.persons.create(cid, new PersonService.NewPerson(name, idNumber, phone, null));
			this.persons.moveIn(cid, person, rid, relation, LocalDate.now(this.clock));
		}));
	}

	@PostMapping("/ownerships")
	String recordOwnership(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam String ownerType,
			@RequestParam(required = false) List<UUID> personIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		return run(cid, rid, redirect, request, () -> this.rooms.recordOwnership(cid, rid, ownerType,
				personIds == null ? List.of() : personIds, since));
	}

	/** A resident of this room leaves it on a date; the person and the residence history stay. */
	@PostMapping("/residents/{pid}/move-out")
	String moveOut(@PathVariable UUID cid, @PathVariable UUID rid, @PathVariable UUID pid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		return run(cid, rid, redirect, request, () -> {
			if (!this.queries.residents(cid, rid).contains(pid)) {
				throw DomainException.invalid("personId", "registry.resident.notHere");
			}
			this.persons.moveOut(cid, pid, until);
		});
	}

	/** Registers a vehicle to one of the room's residents and to the room. */
	@PostMapping("/vehicles")
	String addVehicle(@PathVariable UUID cid, @PathVariable UUID rid, @RequestParam(defaultValue = "") String plate,
			@RequestParam(required = false) UUID personId, RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		return run(cid, rid, redirect, request, () -> {
			if (personId != null && !this.queries.residents(cid, rid).contains(personId)) {
				throw DomainException.invalid("personId", "registry.resident.notHere");
			}
			this.vehicles.register(cid, plate, personId, rid);
		});
	}

	@PostMapping("/vehicles/{vid}/remove")
	String removeVehicle(@PathVariable UUID cid, @PathVariable UUID rid, @PathVariable UUID vid,
			RedirectAttributes redirect, HttpServletRequest request) {
		this.access.requireWrite(cid);
		return run(cid, rid, redirect, request, () -> {
			boolean ofThisRoom = this.queries.householdOf(cid, rid)
				.map(household -> this.vehicles.ofHousehold(cid, household).stream().anyMatch(v -> v.id().equals(vid)))
				.orElse(false);
			if (!ofThisRoom) {
				throw DomainException.notFound("registry.vehicle.notFound");
			}
			this.vehicles.remove(cid, vid);
		});
	}

	private String run(UUID cid, UUID rid, RedirectAttributes redirect, HttpServletRequest request, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/console/communities/" + cid + "/rooms/" + rid;
	}

}
