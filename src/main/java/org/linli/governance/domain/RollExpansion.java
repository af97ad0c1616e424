package org.linli.governance.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expands a vote's frozen roll document (governance.vote_roll, written when the vote opens) into the per-entry table
 * governance.voter and its person index governance.voter_person, which ballots, designations and the roll pages
 * read. Runs right after the opening commits (RollPersonIndex) and, first, in any transaction that reads or writes
 * the entries before that has finished: {@link #ensure} takes the document's row lock, so the expansion happens once
 * and nobody ever reads a partial roll (the rows appear together when the expanding transaction commits). Rolls
 * frozen before V98 were expanded when they were written.
 */
@Service
public class RollExpansion {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RollExpansion(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Expands the vote's roll unless done already; nothing for a draft. Joins the caller's transaction. */
	@Transactional
	public void ensure(UUID communityId, UUID voteId) {
		// cheap check first: every read of an expanded roll passes here
		Boolean expanded = this.jdbc.sql("select expanded_at is not null from governance.vote_roll "
				+ "where community_id = :c and vote_id = :v")
			.param("c", communityId)
			.param("v", voteId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
		if (expanded) {
			return;
		}
		// the document's row, locked: a second caller waits here, then finds the roll expanded
		boolean done = this.jdbc.sql("select expanded_at is not null from governance.vote_roll "
				+ "where community_id = :c and vote_id = :v for update")
			.param("c", communityId)
			.param("v", voteId)
			.query(Boolean.class)
			.single();
		if (done) {
			return;
		}
		record Frozen(byte[] document, OffsetDateTime frozenAt) {
		}
		Frozen frozen = this.jdbc.sql("select document, frozen_at from governance.vote_roll "
				+ "where community_id = :c and vote_id = :v")
			.param("c", communityId)
			.param("v", voteId)
			.query((rs, n) -> new Frozen(rs.getBytes(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
		insertRoll(communityId, voteId, RollDocument.decode(frozen.document()), frozen.frozenAt().toInstant());
		this.jdbc.sql("""
				insert into governance.voter_person (community_id, vote_id, person_id, voter_id)
				select community_id, vote_id, unnest(person_ids), id from governance.voter
				 where community_id = :c and vote_id = :v
				on conflict do nothing
				""").param("c", communityId).param("v", voteId).update();
		this.jdbc.sql("update governance.vote_roll set expanded_at = now() where community_id = :c and vote_id = :v")
			.param("c", communityId)
			.param("v", voteId)
			.update();
	}

	/**
	 * Expands the roll in a transaction of its own, committed on return, for callers whose own transaction runs long
	 * (the notice to every owner), so that ballots waiting for the expansion do not wait for them. A roll written by
	 * the caller's own, uncommitted transaction is not visible here and is left to {@link #ensure(Vote)}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void ensureCommitted(UUID communityId, UUID voteId) {
		ensure(communityId, voteId);
	}

	@Transactional
	public void ensure(Vote vote) {
		ensure(vote.communityId(), vote.id());
	}

	/**
	 * Writes the entries with PostgreSQL's binary COPY, streamed: one statement instead of 100,000 inserts, and no
	 * text parsing of uuids, arrays and numbers on the server. Every entry was notified in-app at the opening.
	 */
	private void insertRoll(UUID communityId, UUID voteId, List<RollEntry> roll, Instant notified) {
		this.template.execute((Connection connection) -> {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy governance.voter (id, community_id, vote_id, position, kind, area, area_sources, room_ids,
					    rooms_label, person_ids, owner_names, designated_person_id, notified_at) from stdin (format binary)
					""");
			try {
				BinaryCopy rows = new BinaryCopy(new CopyOutput(copy));
				for (RollEntry entry : roll) {
					rows.row(13)
						.uuid(entry.voterId())
						.uuid(communityId)
						.uuid(voteId)
						.integer(entry.position())
						.text(entry.kind().name())
						.numeric(entry.area())
						.text(entry.areaSources())
						.uuids(entry.roomIds())
						.text(entry.roomsLabel())
						.uuids(entry.personIds())
						.text(entry.ownerNames())
						.uuid(entry.designated())
						.timestamp(notified);
				}
				rows.finish();
				copy.endCopy();
			}
			catch (IOException ex) {
				cancel(copy);
				throw new UncheckedIOException(ex);
			}
			catch (SQLException | RuntimeException ex) {
				cancel(copy);
				throw ex;
			}
			return null;
		});
	}

	private static void cancel(CopyIn copy) throws SQLException {
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	/** An output stream into a running COPY. */
	private static final class CopyOutput extends java.io.OutputStream {

		private final CopyIn copy;

		CopyOutput(CopyIn copy) {
			this.copy = copy;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				this.copy.writeToCopy(bytes, offset, length);
			}
			catch (SQLException ex) {
				throw new IOException(ex);
			}
		}

	}

}
