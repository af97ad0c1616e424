package org.linli.governance.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.linli.governance.VoteResult;
import org.linli.ledger.LedgerApi;
import org.linli.ledger.LedgerRecord;

import org.springframework.stereotype.Component;

/**
 * Puts a vote's tally into the compound's public ledger in the transaction that closes the vote, so the published
 * result and the ledger entry exist together or not at all, then signs a tree head that covers it. Every figure needed to recompute the result is there;
 * no voter is named.
 */
@Component
class TallyRecords {

	private final LedgerApi ledger;

	TallyRecords(LedgerApi ledger) {
		this.ledger = ledger;
	}

	void append(UUID communityId, UUID voteId, String title, OffsetDateTime closedAt, VoteResult result) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("voteId", voteId.toString());
		data.put("title", title);
		data.put("matter", result.matter().name());
		data.put("closedAt", closedAt.toString());
		data.put("nonVoters", result.nonVoters().name());
		data.put("totalArea", area(result.totalArea()));
		data.put("totalOwners", result.totalOwners());
		data.put("participatingArea", area(result.participatingArea()));
		data.put("participatingOwners", result.participatingOwners());
		data.put("approveArea", area(result.approveArea()));
		data.put("approveOwners", result.approveOwners());
		data.put("rejectArea", area(result.rejectArea()));
		data.put("rejectOwners", result.rejectOwners());
		data.put("abstainArea", area(result.abstainArea()));
		data.put("abstainOwners", result.abstainOwners());
		data.put("quorumMet", result.quorumMet());
		data.put("adopted", result.adopted());
		this.ledger.append(communityId, new LedgerRecord("VOTE_TALLY", data));
		// a signed head at once, as for a disbursement: the result is provably in the log from the moment it is out
		this.ledger.publishTreeHead(communityId);
	}

	/** Areas as exact decimal text with two places, as the result API gives them. */
	private static String area(BigDecimal area) {
		return area.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

}
