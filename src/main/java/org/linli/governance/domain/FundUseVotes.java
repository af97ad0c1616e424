package org.linli.governance.domain;

import java.util.UUID;

import org.linli.renovation.FundUseDecisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Governance's answer to renovation: maintenance-fund spending needs an adopted FUND_USE vote of that compound. */
@Component
class FundUseVotes implements FundUseDecisions {

	private final JdbcClient jdbc;

	FundUseVotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isAdoptedFundUse(UUID communityId, UUID voteId) {
		return this.jdbc.sql("""
				select count(*) from governance.vote
				 where community_id = :c and id = :v and matter = 'FUND_USE' and status = 'CLOSED' and adopted
				""").param("c", communityId).param("v", voteId).query(Long.class).single() == 1;
	}

}
