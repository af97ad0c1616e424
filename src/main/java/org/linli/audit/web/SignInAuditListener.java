package org.linli.audit.web;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.audit.AuditRecord.Result;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Sign-ins, failed sign-ins, sign-outs (pages and token endpoint alike) and refused requests go into the trail. */
@Component
class SignInAuditListener {

	private final AuditApi audit;

	SignInAuditListener(AuditApi audit) {
		this.audit = audit;
	}

	@EventListener
	void success(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			record(event.getAuthentication().getName(), "LOGIN", Result.SUCCESS, null);
		}
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent event) {
		record(event.getAuthentication().getName(), "LOGIN", Result.FAILURE,
				event.getException().getClass().getSimpleName());
	}

	/** Requests refused for lack of rights (not the sign-in redirects of anonymous visitors). */
	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		var authentication = event.getAuthentication().get();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			HttpServletRequest request = currentRequest();
			String action = request == null ? "ACCESS" : "ACCESS " + request.getMethod();
			this.audit.record(new AuditRecord(authentication.getName(), action, channel(), Result.REJECTED,
					sourceAddress(), "denied"));
		}
	}

	@EventListener
	void logout(LogoutSuccessEvent event) {
		record(event.getAuthentication().getName(), "LOGOUT", Result.SUCCESS, null);
	}

	private void record(String account, String action, Result result, String detail) {
		this.audit.record(new AuditRecord(account, action, channel(), result, sourceAddress(), detail));
	}

	private static String channel() {
		HttpServletRequest request = currentRequest();
		return request == null ? null : request.getRequestURI();
	}

	private static String sourceAddress() {
		HttpServletRequest request = currentRequest();
		return request == null ? null : request.getRemoteAddr();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
