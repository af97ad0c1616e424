package org.linli.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.domain.Account;
import org.linli.identity.domain.AccountService;
import org.linli.identity.domain.Totp;
import org.linli.identity.security.PendingStep;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.QrCodes;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The account's own security pages: change password, enrol TOTP, and the TOTP step of sign-in. */
@Controller
class SignInStepsController {

	private final IdentityApi identity;

	private final AccountService accounts;

	private final Problems problems;

	SignInStepsController(IdentityApi identity, AccountService accounts, Problems problems) {
		this.identity = identity;
		this.accounts = accounts;
		this.problems = problems;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model, HttpSession session) {
		model.addAttribute("forced", PendingStep.of(session) == PendingStep.CHANGE_PASSWORD);
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, HttpSession session, HttpServletRequest request) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		model.addAttribute("forced", PendingStep.of(session) == PendingStep.CHANGE_PASSWORD);
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("fieldErrors", java.util.Map.of("confirmPassword",
					this.problems.message("password.confirm.mismatch", LocaleContextHolder.getLocale())));
			RequestOutcome.rejected(request);
			return "identity/password";
		}
		try {
			this.accounts.changePassword(user.id(), currentPassword, newPassword);
		}
		catch (DomainException ex) {
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
			return "identity/password";
		}
		advance(session, user);
		return "redirect:/?passwordChanged";
	}

	@GetMapping("/account/totp")
	String enrolForm(Model model, HttpSession session) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		Account account = this.accounts.find(user.id()).orElseThrow();
		model.addAttribute("enrolled", account.totpEnabled());
		model.addAttribute("forced", PendingStep.of(session) == PendingStep.ENROL_TOTP);
		if (!account.totpEnabled()) {
			String secret = this.accounts.beginTotpEnrolment(user.id());
			String uri = Totp.uri("Linli", account.username(), secret);
			model.addAttribute("secret", secret);
			model.addAttribute("qr", QrCodes.dataUri(uri, 240));
		}
		return "identity/totp-enrol";
	}

	@PostMapping("/account/totp")
	String confirmEnrolment(@RequestParam String code, Model model, HttpSession session,
			HttpServletRequest request) {
		CurrentUser user = this.identity.currentUser().orElseThrow();
		try {
			this.accounts.confirmTotpEnrolment(user.id(), code);
		}
		catch (DomainException ex) {
			model.addAttribute("enrolled", false);
			model.addAttribute("forced", PendingStep.of(session) == PendingStep.ENROL_TOTP);
			model.addAttribute("codeError", ex.code());
			model.addAttribute("restart", true);
			RequestOutcome.rejected(request);
			return "identity/totp-enrol";
		}
		PendingStep.markTotpVerified(session);
		advance(session, user);
		return "redirect:/?totpEnrolled";
	}

	@GetMapping("/login/totp")
	String verifyForm(HttpSession session) {
		return PendingStep.of(session) == PendingStep.VERIFY_TOTP ? "identity/totp-verify" : "redirect:/";
	}

	@PostMapping("/login/totp")
	String verify(@RequestParam String code, Model model, HttpServletRequest request) {
		HttpSession session = request.getSession();
		if (PendingStep.of(session) != PendingStep.VERIFY_TOTP) {
			return "redirect:/";
		}
		CurrentUser user = this.identity.currentUser().orElseThrow();
		if (!this.accounts.verifyTotp(user.id(), code)) {
			// wrong codes count towards the lockout like wrong passwords, so six digits cannot be guessed
			this.accounts.recordFailure(user.getUsername());
			if (this.accounts.find(user.id()).orElseThrow().lockedAt(java.time.Instant.now())) {
				session.invalidate();
				return "redirect:/login?error=locked";
			}
			model.addAttribute("codeError", "totp.code.wrong");
			RequestOutcome.rejected(request);
			return "identity/totp-verify";
		}
		request.changeSessionId();
		PendingStep.markTotpVerified(session);
		advance(session, user);
		return "redirect:/";
	}

	/** Moves the session to the next pending step, if any. */
	private void advance(HttpSession session, CurrentUser user) {
		Account account = this.accounts.find(user.id()).orElseThrow();
		PendingStep.set(session, PendingStep.next(session, this.accounts.secondFactorRequired(account),
				account.totpEnabled(), account.mustChangePassword()));
	}

}
