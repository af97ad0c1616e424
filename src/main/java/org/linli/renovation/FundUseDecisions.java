package org.linli.renovation;

import java.util.UUID;

/**
 * Whether owners decided to use the maintenance fund (Civil Code Art. 278, matter 5). Implemented by governance;
 * until an implementation exists, maintenance-fund spending needs the emergency channel confirmed by the street
 * office.
 */
public interface FundUseDecisions {

	/** True when the vote is an adopted FUND_USE vote of that community. */
	boolean isAdoptedFundUse(UUID communityId, UUID voteId);

}
