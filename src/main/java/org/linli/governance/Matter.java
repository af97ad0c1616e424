package org.linli.governance;

/**
 * The matters owners decide jointly (Civil Code Art. 278 (1)-(9), DOMAIN.md §3, in that order). The matter fixes the
 * majority: raising the maintenance fund, rebuilding, and changing the use of common parts need three quarters.
 */
public enum Matter {

	RULES, COVENANT, COMMITTEE, PROPERTY_COMPANY, FUND_USE, FUND_RAISE, REBUILD, COMMON_USE_CHANGE, OTHER;

	/** Matters 6, 7 and 8: adopted by at least 3/4 (以上, inclusive) of the participating area and owners. */
	public boolean needsThreeQuarters() {
		return this == FUND_RAISE || this == REBUILD || this == COMMON_USE_CHANGE;
	}

}
