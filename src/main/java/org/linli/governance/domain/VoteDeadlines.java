package org.linli.governance.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes every open vote whose deadline (closesAt) has passed, by the same path as a manual close (tally, ledger,
 * VoteTallied), done by "system". Each vote is claimed with {@code for update skip locked} in a transaction of its
 * own: with several application instances running the job, each due vote is closed by exactly one of them, and a
 * manual close racing the job waits for the row and then finds the vote closed (409).
 */
@Service
public class VoteDeadlines {

	/** The actor recorded as having closed a vote at its deadline. */
	public static final String SYSTEM = "system";

	private static final Logger log = LoggerFactory.getLogger(VoteDeadlines.class);

	private final JdbcClient jdbc;

	private final VoteService votes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	VoteDeadlines(JdbcClient jdbc, VoteService votes, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.votes = votes;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Closes and tallies every vote due at the clock's now; answers the ids it closed. */
	public List<UUID> run() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<UUID> closed = new ArrayList<>();
		List<UUID> failed = new ArrayList<>();
		while (true) {
			UUID[] claimed = new UUID[1];
			try {
				Boolean found = this.transactions.execute(status -> closeNextDue(now, failed, claimed));
				if (!Boolean.TRUE.equals(found)) {
					break;
				}
				closed.add(claimed[0]);
			}
			catch (RuntimeException ex) {
				// the claimed vote stays open (its transaction rolled back); the next run tries it again
				log.warn("governance: closing vote {} at its deadline failed", claimed[0], ex);
				if (claimed[0] == null) {
					break;
				}
				failed.add(claimed[0]);
			}
		}
		if (!closed.isEmpty()) {
			log.info("governance: {} vote(s) closed at their deadline", closed.size());
		}
		return closed;
	}

	private boolean closeNextDue(OffsetDateTime now, List<UUID> failed, UUID[] claimed) {
		Optional<UUID> due = this.jdbc.sql("""
				select id from governance.vote
				 where status = 'OPEN' and closes_at <= :now
				""" + (failed.isEmpty() ? "" : " and id not in (:failed)") + """
				 order by closes_at
				 limit 1
				 for update skip locked
				""")
			.param("now", now)
			.param("failed", failed)
			.query(UUID.class)
			.optional();
		if (due.isEmpty()) {
			return false;
		}
		claimed[0] = due.get();
		// the row is ours in this transaction: the manual path locks it again (a no-op) and does the rest
		this.votes.close(due.get(), SYSTEM);
		return true;
	}

}
