package org.linli.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a page controller that re-renders a form with errors (status 200) tell the audit trail that the action was
 * refused.
 */
public final class RequestOutcome {

	public static final String REJECTED = "linli.outcome.rejected";

	private RequestOutcome() {
	}

	public static void rejected(HttpServletRequest request) {
		request.setAttribute(REJECTED, Boolean.TRUE);
	}

	public static boolean isRejected(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(REJECTED));
	}

}
