package org.linli.governance;

import java.math.BigDecimal;

/**
 * A tally with every figure needed to recompute it. Participating and approving figures are the ones the law's tests
 * are applied to (after the non-voter rule); reject and abstain (including spoiled) are the ballots as cast.
 */
public record VoteResult(Matter matter, NonVoters nonVoters, BigDecimal totalArea, long totalOwners,
		BigDecimal participatingArea, long participatingOwners, BigDecimal approveArea, long approveOwners,
		BigDecimal rejectArea, long rejectOwners, BigDecimal abstainArea, long abstainOwners, boolean quorumMet,
		boolean adopted) {
}
