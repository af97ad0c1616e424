package org.linli.audit.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.audit.AuditRecord.Result;
import org.linli.shared.web.RequestOutcome;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write through the API or the pages (POST, PUT, PATCH, DELETE) after it ran, with its result. Runs
 * inside the security filters, so the account is known. Sign-in and sign-out are recorded from their events instead.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class AuditWriteFilter extends OncePerRequestFilter {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Set<String> RECORDED_BY_EVENTS = Set.of("/login", "/logout", "/api/v1/auth/token");

	private final AuditApi audit;

	AuditWriteFilter(AuditApi audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !WRITES.contains(request.getMethod()) || RECORDED_BY_EVENTS.contains(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			record(request, authentication, Result.ERROR, 500);
			throw ex;
		}
		int status = response.getStatus();
		Result result = status >= 500 ? Result.ERROR : status >= 400 ? Result.FAILURE
				: RequestOutcome.isRejected(request) ? Result.REJECTED : Result.SUCCESS;
		record(request, authentication, result, status);
	}

	private void record(HttpServletRequest request, Authentication before, Result result, int status) {
		Authentication after = SecurityContextHolder.getContext().getAuthentication();
		Authentication authentication = after != null ? after : before;
		String account = authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName()) ? null : authentication.getName();
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String action = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
		String object = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		this.audit.record(new AuditRecord(account, action, object, result, request.getRemoteAddr(), "HTTP " + status));
	}

}
