package org.linli.governance.domain;

import org.linli.governance.VoteOpened;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the person index of a vote's roll (governance.voter_person) once the opening has committed, so the freeze
 * does not pay for 100,000 inserts into an index on random person ids; owners are found by a scan of the roll until
 * this is done. Idempotent: a redelivered event adds nothing.
 */
@Component
class RollPersonIndex {

	private final JdbcClient jdbc;

	RollPersonIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(VoteOpened opened) {
		this.jdbc.sql("""
				insert into governance.voter_person (community_id, vote_id, person_id, voter_id)
				select community_id, vote_id, unnest(person_ids), id from governance.voter
				 where community_id = :c and vote_id = :v
				on conflict do nothing
				""")
			.param("c", opened.communityId())
			.param("v", opened.voteId())
			.update();
		this.jdbc.sql("update governance.vote set persons_indexed = true where id = :v")
			.param("v", opened.voteId())
			.update();
	}

}
