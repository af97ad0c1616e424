package org.linli.access.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.linli.access.domain.AccessEvents;
import org.linli.access.domain.Credentials;
import org.linli.access.domain.Residents;
import org.linli.access.domain.VisitorPasses;
import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.QrCodes;
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

/** Resident pages (my access, visitor passes) and the guard's pass check. */
@Controller
class AccessPagesController {

	private final Residents residents;

	private final Credentials credentials;

	private final AccessEvents events;

	private final VisitorPasses passes;

	private final SecurityStaff staff;

	private final Problems problems;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	AccessPagesController(Residents residents, Credentials credentials, AccessEvents events, VisitorPasses passes,
			SecurityStaff staff, Problems problems) {
		this.problems = problems;
		this.residents = residents;
		this.credentials = credentials;
		this.events = events;
		this.passes = passes;
		this.staff = staff;
	}

	@GetMapping("/app/access")
	String myAccess(Model model) {
		Residents.Me me = this.residents.me();
		model.addAttribute("credentials", this.credentials.active(me.communityId(), me.personId(), null));
		model.addAttribute("consents", this.credentials.consents(me.communityId(), me.personId()));
		model.addAttribute("events", this.events.ofPerson(me.communityId(), me.personId(), 20));
		boolean hasQr = !this.credentials.active(me.communityId(), me.personId(), "QR").isEmpty();
		model.addAttribute("qr", hasQr ? QrCodes.dataUri(this.credentials.qrCode(me.communityId(), me.personId()), 240)
				: null);
		return "security/app-access";
	}

	@PostMapping("/app/access/face-consent/revoke")
	String revokeConsent() {
		Residents.Me me = this.residents.me();
		this.credentials.revokeFaceConsent(me.communityId(), me.personId(), me.user().getUsername());
		return "redirect:/app/access";
	}

	@GetMapping("/app/visitors")
	String visitors(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PassForm("", "", "", ""));
		}
		Residents.Me me = this.residents.me();
		List<VisitorPasses.Pass> list = this.passes.ofHousehold(me.communityId(), me.householdId());
		model.addAttribute("passes", list);
		return "security/app-visitors";
	}

	@GetMapping("/app/visitors/{id}")
	String pass(@PathVariable UUID id, Model model) {
		VisitorPasses.Pass pass = this.passes.findOwn(this.residents.me().personId(), id);
		model.addAttribute("pass", pass);
		model.addAttribute("qr", QrCodes.dataUri(this.passes.token(pass), 280));
		return "security/app-pass";
	}

	/**
	 * Registers a guest. Every wrong field is shown beside its input at once (a missing or unreadable time is one of
	 * them), with what was typed kept in the form.
	 */
	@PostMapping("/app/visitors")
	String create(@RequestParam(required = false) String guestName, @RequestParam(required = false) String guestPhone,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
			Model model, HttpServletRequest request) {
		Residents.Me me = this.residents.me();
		try {
			VisitorPasses.Pass pass = this.passes.create(me.personId(), guestName, guestPhone, instant(validFrom),
					instant(validUntil));
			return "redirect:/app/visitors/" + pass.id();
		}
		catch (DomainException ex) {
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			model.addAttribute("form", new PassForm(guestName, guestPhone, validFrom, validUntil));
			RequestOutcome.rejected(request);
			return visitors(model);
		}
	}

	/** What the resident typed, shown again with the errors. */
	record PassForm(String guestName, String guestPhone, String validFrom, String validUntil) {
	}

	/** A datetime-local value ("2026-11-28T14:00") in the compound's zone, or null when empty or unreadable. */
	static Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@PostMapping("/app/visitors/{id}/revoke")
	String revoke(@PathVariable UUID id) {
		this.passes.revoke(this.residents.me().personId(), id);
		return "redirect:/app/visitors";
	}

	@GetMapping("/console/security/passes")
	String guard(@RequestParam(required = false) UUID cid, Authentication auth, Model model) {
		CurrentUser user = (CurrentUser) auth.getPrincipal();
		UUID community = cid != null ? cid : user.communityIds().stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("access.community.none"));
		this.staff.require(community);
		model.addAttribute("cid", community);
		return "security/guard";
	}

	@PostMapping("/console/security/passes")
	String verify(@RequestParam UUID cid, @RequestParam String token, Model model) {
		CurrentUser user = this.staff.require(cid);
		model.addAttribute("cid", cid);
		model.addAttribute("verification", this.passes.verify(cid, token, user.getUsername(), null));
		return "security/guard";
	}

}
