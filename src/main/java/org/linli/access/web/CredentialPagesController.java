package org.linli.access.web;

import java.util.List;
import java.util.UUID;

import org.linli.access.domain.Credentials;
import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.registry.HouseholdView;
import org.linli.registry.Occupant;
import org.linli.registry.RegistryApi;
import org.linli.registry.RegistryApi.PersonBrief;
import org.linli.registry.RoomLabel;
import org.linli.registry.RoomRef;
import org.linli.shared.person.Masking;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff manage a resident's ways in at the counter: find the person by room, see their credentials masked (card's
 * last four digits, never a PIN or a face template), issue a card, set a new PIN, switch on the QR code, revoke one
 * (the doors are told by command), enter a face consent or its withdrawal signed on paper, and enrol the face with the
 * enrolment device's template reference. The rules (face never
 * alone, a guardian for under-14s) are the domain's; every action is audited.
 */
@Controller
class CredentialPagesController {

	/** A household member as the guardian choice shows them. */
	record Member(UUID personId, String name, Integer birthYear) {
	}

	/** An occupant of a room as the lookup lists them. */
	record Resident(UUID personId, String name, Integer birthYear) {
	}

	private final SecurityStaff staff;

	private final Credentials credentials;

	private final RegistryApi registry;

	private final Problems problems;

	private final AuditApi audit;

	CredentialPagesController(SecurityStaff staff, Credentials credentials, RegistryApi registry, Problems problems,
			AuditApi audit) {
		this.staff = staff;
		this.credentials = credentials;
		this.registry = registry;
		this.problems = problems;
		this.audit = audit;
	}

	/** Find a room ("1-1-101", "1号楼1单元101") and list who lives there. */
	@GetMapping("/console/security/credentials")
	String lookup(@RequestParam(required = false) UUID cid, @RequestParam(required = false) String room,
			Authentication auth, Model model) {
		CurrentUser user = (CurrentUser) auth.getPrincipal();
		UUID community = cid != null ? cid
				: (user.servesAllCommunities() ? this.registry.allSummaries().stream().map(c -> c.id())
						: user.communityIds().stream()).findFirst()
					.orElseThrow(() -> DomainException.notFound("access.community.none"));
		this.staff.require(community);
		model.addAttribute("cid", community);
		model.addAttribute("room", room == null ? "" : room);
		if (room != null && !room.isBlank()) {
			RoomRef found = this.registry.roomByLabel(community, room.trim()).orElse(null);
			if (found == null) {
				model.addAttribute("notFound", true);
			}
			else {
				model.addAttribute("roomLabel", found.label());
				model.addAttribute("residents", residents(community, found.roomId()));
			}
		}
		return "security/credentials-lookup";
	}

	/** The household of a room (from the registry's room page, say). */
	@GetMapping("/console/security/rooms/{rid}/credentials")
	String room(@RequestParam UUID cid, @PathVariable UUID rid, Model model) {
		this.staff.require(cid);
		RoomLabel label = this.registry.roomLabel(cid, rid)
			.orElseThrow(() -> DomainException.notFound("access.room.notFound"));
		model.addAttribute("cid", cid);
		model.addAttribute("room", label.label());
		model.addAttribute("roomLabel", label.label());
		model.addAttribute("residents", residents(cid, rid));
		return "security/credentials-lookup";
	}

	private List<Resident> residents(UUID cid, UUID roomId) {
		return this.registry.occupants(cid, roomId).stream()
			.map((Occupant o) -> new Resident(o.personId(), Masking.name(o.name()), o.birthYear()))
			.toList();
	}

	@GetMapping("/console/security/persons/{pid}/credentials")
	String person(@RequestParam UUID cid, @PathVariable UUID pid, Model model) {
		this.staff.require(cid);
		PersonBrief person = this.credentials.person(cid, pid);
		model.addAttribute("cid", cid);
		model.addAttribute("person", person);
		model.addAttribute("maskedName", Masking.name(person.name()));
		model.addAttribute("rooms", this.registry.roomsOf(pid).stream().map(RoomLabel::label).toList());
		model.addAttribute("credentials", this.credentials.all(cid, pid));
		List<Credentials.ConsentView> consents = this.credentials.consents(cid, pid);
		model.addAttribute("consents", consents);
		model.addAttribute("faceConsent", consents.stream().filter(Credentials.ConsentView::active).findFirst()
			.orElse(null));
		model.addAttribute("members", this.registry.householdOf(pid).map(HouseholdView::members).orElse(List.of())
			.stream().filter(m -> !m.personId().equals(pid))
			.map(m -> new Member(m.personId(), Masking.name(m.name()), m.birthYear())).toList());
		return "security/credentials";
	}

	@PostMapping("/console/security/persons/{pid}/credentials/card")
	String issueCard(@RequestParam UUID cid, @PathVariable UUID pid, @RequestParam(required = false) String cardNumber,
			RedirectAttributes redirect, Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.card", () -> {
			UUID id = this.credentials.addCard(cid, pid, cardNumber);
			record(user, "access.credential.add", pid, "CARD " + id, request);
		});
	}

	@PostMapping("/console/security/persons/{pid}/credentials/pin")
	String resetPin(@RequestParam UUID cid, @PathVariable UUID pid, @RequestParam(required = false) String pin,
			RedirectAttributes redirect, Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.pin", () -> {
			UUID id = this.credentials.addPin(cid, pid, pin);
			record(user, "access.credential.pinReset", pid, "PIN " + id, request);
		});
	}

	@PostMapping("/console/security/persons/{pid}/credentials/qr")
	String enableQr(@RequestParam UUID cid, @PathVariable UUID pid, RedirectAttributes redirect, Model model,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.qr", () -> {
			UUID id = this.credentials.enableQr(cid, pid);
			record(user, "access.credential.add", pid, "QR " + id, request);
		});
	}

	@PostMapping("/console/security/persons/{pid}/credentials/{id}/revoke")
	String revoke(@RequestParam UUID cid, @PathVariable UUID pid, @PathVariable UUID id, RedirectAttributes redirect,
			Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.revoked", () -> {
			this.credentials.revoke(cid, pid, id);
			record(user, "access.credential.revoke", pid, id.toString(), request);
		});
	}

	/**
	 * Enrols the face at the counter: the template reference the enrolment device gave (the platform never sees the
	 * picture it was made from), and a photo only when the consent allows keeping one (stored encrypted).
	 */
	@PostMapping("/console/security/persons/{pid}/credentials/face")
	String enrolFace(@RequestParam UUID cid, @PathVariable UUID pid, @RequestParam(required = false) String templateRef,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect, Model model,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.face", () -> {
			UUID id = this.credentials.addFace(cid, pid, templateRef, base64(photo));
			record(user, "access.credential.add", pid, "FACE " + id, request);
		});
	}

	/** The uploaded photo as the domain takes it (Base64); none when the field was left empty. */
	private static String base64(MultipartFile photo) {
		if (photo == null || photo.isEmpty()) {
			return null;
		}
		try {
			return java.util.Base64.getEncoder().encodeToString(photo.getBytes());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@PostMapping("/console/security/persons/{pid}/face-consent")
	String consent(@RequestParam UUID cid, @PathVariable UUID pid,
			@RequestParam(required = false) UUID guardianPersonId,
			@RequestParam(defaultValue = "false") boolean photoKept, @RequestParam(required = false) String paperRef,
			RedirectAttributes redirect, Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.consent", () -> {
			this.credentials.recordPaperConsent(cid, pid, guardianPersonId, photoKept, paperRef, user.getUsername());
			record(user, "access.consent.grant", pid,
					"PAPER " + paperRef.trim() + (guardianPersonId == null ? "" : " guardian " + guardianPersonId),
					request);
		});
	}

	@PostMapping("/console/security/persons/{pid}/face-consent/withdraw")
	String withdraw(@RequestParam UUID cid, @PathVariable UUID pid, RedirectAttributes redirect, Model model,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		return act(cid, pid, model, redirect, request, "saved.withdrawn", () -> {
			this.credentials.withdrawOnPaper(cid, pid, user.getUsername());
			record(user, "access.consent.revoke", pid, "PAPER", request);
		});
	}

	/**
	 * Runs the action; a refusal (bad field, or a rule such as "face needs another way in") is shown on the person's
	 * page, translated, with nothing written.
	 */
	private String act(UUID cid, UUID pid, Model model, RedirectAttributes redirect, HttpServletRequest request,
			String saved, Runnable action) {
		this.credentials.person(cid, pid);
		try {
			action.run();
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
			return person(cid, pid, model);
		}
		redirect.addFlashAttribute("saved", "access.staff." + saved);
		return "redirect:/console/security/persons/" + pid + "/credentials?cid=" + cid;
	}

	private void record(CurrentUser user, String action, UUID personId, String detail, HttpServletRequest request) {
		this.audit.record(new AuditRecord(user.getUsername(), action, "person " + personId,
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), detail));
	}

}
