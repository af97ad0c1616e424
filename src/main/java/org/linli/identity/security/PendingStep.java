package org.linli.identity.security;

import jakarta.servlet.http.HttpSession;

/**
 * A step the signed-in account must finish before any page opens: change a temporary password, enrol a second factor,
 * or enter the current TOTP code. Kept in the session.
 */
public enum PendingStep {

	VERIFY_TOTP("/login/totp"), CHANGE_PASSWORD("/account/password"), ENROL_TOTP("/account/totp");

	static final String ATTRIBUTE = "linli.pendingStep";

	private final String path;

	PendingStep(String path) {
		this.path = path;
	}

	public String path() {
		return this.path;
	}

	static final String TOTP_VERIFIED = "linli.totpVerified";

	/**
	 * The next step for this account in this session, in the order: prove the second factor, replace a temporary
	 * password, enrol a second factor. Null when the account may go on.
	 */
	public static PendingStep next(HttpSession session, boolean secondFactorRequired, boolean totpEnabled,
			boolean mustChangePassword) {
		boolean verified = Boolean.TRUE.equals(session.getAttribute(TOTP_VERIFIED));
		if (secondFactorRequired && totpEnabled && !verified) {
			return VERIFY_TOTP;
		}
		if (mustChangePassword) {
			return CHANGE_PASSWORD;
		}
		if (secondFactorRequired && !totpEnabled) {
			return ENROL_TOTP;
		}
		return null;
	}

	/** Records a passed TOTP check (or a fresh enrolment) for this session. */
	public static void markTotpVerified(HttpSession session) {
		session.setAttribute(TOTP_VERIFIED, Boolean.TRUE);
	}

	public static PendingStep of(HttpSession session) {
		return session == null ? null : (PendingStep) session.getAttribute(ATTRIBUTE);
	}

	public static void set(HttpSession session, PendingStep step) {
		if (step == null) {
			session.removeAttribute(ATTRIBUTE);
		}
		else {
			session.setAttribute(ATTRIBUTE, step);
		}
	}

}
