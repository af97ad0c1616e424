package org.linli.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.linli.identity.CurrentUser;
import org.linli.identity.domain.Account;
import org.linli.identity.domain.AccountService;
import org.linli.identity.web.UserPreferences;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * After the password: load the account's preferences into the session, open any pending step, then go where the user
 * was going (or their home). Failures say only "wrong username or password", except a locked account.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AccountService accounts;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	SignInHandlers(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		Account account = this.accounts.find(user.id()).orElseThrow();
		HttpSession session = request.getSession();
		UserPreferences.load(session, account.language(), account.elderlyMode());
		PendingStep step = PendingStep.next(session, this.accounts.secondFactorRequired(account),
				account.totpEnabled(), account.mustChangePassword());
		PendingStep.set(session, step);
		if (step != null) {
			response.sendRedirect(request.getContextPath() + step.path());
			return;
		}
		SavedRequest saved = this.requestCache.getRequest(request, response);
		String target = saved != null ? saved.getRedirectUrl() : request.getContextPath() + homeOf(user);
		this.requestCache.removeRequest(request, response);
		response.sendRedirect(target);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LockedException ? "locked"
				: exception instanceof DisabledException ? "disabled" : "bad";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

	/** Staff land on the workbench, residents on the resident app. */
	static String homeOf(CurrentUser user) {
		return user.isStaff() ? "/console" : "/app";
	}

}
