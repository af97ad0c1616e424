package org.linli.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** While a {@link PendingStep} is open, every page but that step, sign-out and static files redirects to it. */
class PendingStepFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PendingStep step = PendingStep.of(request.getSession(false));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (step != null && !path.startsWith(step.path()) && !isAlwaysAllowed(path)) {
			response.sendRedirect(request.getContextPath() + step.path());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAlwaysAllowed(String path) {
		return path.equals("/logout") || path.equals("/login") || path.startsWith("/webjars/")
				|| path.startsWith("/assets/")
				|| path.startsWith("/error") || path.startsWith("/preferences/");
	}

}
