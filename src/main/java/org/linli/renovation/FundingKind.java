package org.linli.renovation;

/** Funding sources: the "432" structure plus the maintenance fund (专项维修资金), which needs an owners' decision. */
public enum FundingKind {

	GOVERNMENT, SOCIAL_CAPITAL, CROWDFUNDING, SELF_RAISED, MAINTENANCE_FUND

}
