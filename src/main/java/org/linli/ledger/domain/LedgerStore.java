package org.linli.ledger.domain;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.ledger.LedgerEntry;
import org.linli.ledger.LedgerStatus;
import org.linli.ledger.TreeHead;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables. Entries, nodes and heads are only ever inserted (the database refuses anything else). */
@Repository
class LedgerStore {

	/** A node key: the complete aligned subtree of 2^level leaves at position. */
	record NodeKey(int level, long position) {
	}

	/** One stored entry as read back for verification. */
	record StoredEntry(long index, String payload, byte[] leafHash) {
	}

	/** A new entry to write. */
	record NewEntry(long index, String type, String payload, byte[] leafHash) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Locks the compound's log (creating it with the given algorithm if new) and returns its size and algorithm. */
	LogRow lockLog(UUID communityId, HashAlgorithm algorithm, Instant now) {
		this.jdbc.sql("""
				insert into ledger.log (community_id, algorithm, tree_size, created_at)
				values (:c, :a, 0, :t) on conflict (community_id) do nothing""")
			.param("c", communityId)
			.param("a", algorithm.label())
			.param("t", Timestamp.from(now))
			.update();
		return this.jdbc.sql("select tree_size, algorithm from ledger.log where community_id = :c for update")
			.param("c", communityId)
			.query((rs, n) -> new LogRow(rs.getLong(1), HashAlgorithm.ofLabel(rs.getString(2))))
			.single();
	}

	record LogRow(long treeSize, HashAlgorithm algorithm) {
	}

	Optional<LogRow> log(UUID communityId) {
		return this.jdbc.sql("select tree_size, algorithm from ledger.log where community_id = :c")
			.param("c", communityId)
			.query((rs, n) -> new LogRow(rs.getLong(1), HashAlgorithm.ofLabel(rs.getString(2))))
			.optional();
	}

	List<UUID> communities() {
		return this.jdbc.sql("select community_id from ledger.log order by community_id").query(UUID.class).list();
	}

	void insertEntries(UUID communityId, List<NewEntry> entries, Instant now) {
		Timestamp at = Timestamp.from(now);
		this.template.batchUpdate("""
				insert into ledger.entry (community_id, idx, type, payload, leaf_hash, appended_at)
				values (?, ?, ?, ?, ?, ?)""", entries, 5_000, (PreparedStatement ps, NewEntry entry) -> {
			ps.setObject(1, communityId);
			ps.setLong(2, entry.index());
			ps.setString(3, entry.type());
			ps.setString(4, entry.payload());
			ps.setBytes(5, entry.leafHash());
			ps.setTimestamp(6, at);
		});
	}

	void insertNodes(UUID communityId, Map<NodeKey, byte[]> nodes) {
		this.template.batchUpdate("insert into ledger.node (community_id, level, position, hash) values (?, ?, ?, ?)",
				new ArrayList<>(nodes.entrySet()), 5_000, (PreparedStatement ps, Map.Entry<NodeKey, byte[]> node) -> {
					ps.setObject(1, communityId);
					ps.setShort(2, (short) node.getKey().level());
					ps.setLong(3, node.getKey().position());
					ps.setBytes(4, node.getValue());
				});
	}

	void updateSize(UUID communityId, long treeSize) {
		this.jdbc.sql("update ledger.log set tree_size = :s where community_id = :c")
			.param("s", treeSize)
			.param("c", communityId)
			.update();
	}

	/** Leaf hashes of {@code [from, to)}, in order. */
	List<byte[]> leafHashes(UUID communityId, long from, long to) {
		return this.jdbc.sql("""
				select leaf_hash from ledger.entry where community_id = :c and idx >= :f and idx < :t order by idx""")
			.param("c", communityId)
			.param("f", from)
			.param("t", to)
			.query((rs, n) -> rs.getBytes(1))
			.list();
	}

	Map<NodeKey, byte[]> nodes(UUID communityId, Collection<NodeKey> keys) {
		Map<NodeKey, byte[]> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		int[] levels = keys.stream().mapToInt(NodeKey::level).toArray();
		long[] positions = keys.stream().mapToLong(NodeKey::position).toArray();
		Integer[] boxedLevels = java.util.Arrays.stream(levels).boxed().toArray(Integer[]::new);
		Long[] boxedPositions = java.util.Arrays.stream(positions).boxed().toArray(Long[]::new);
		this.template.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					select n.level, n.position, n.hash from ledger.node n
					join unnest(?::int[], ?::bigint[]) as k(level, position)
					  on n.level = k.level and n.position = k.position
					where n.community_id = ?""");
			ps.setArray(1, con.createArrayOf("int4", boxedLevels));
			ps.setArray(2, con.createArrayOf("int8", boxedPositions));
			ps.setObject(3, communityId);
			return ps;
		}, (RowCallbackHandler) rs -> found.put(new NodeKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)));
		return found;
	}

	/** Every cached node of a log (about one per 128 entries), for full verification. */
	Map<NodeKey, byte[]> allNodes(UUID communityId) {
		Map<NodeKey, byte[]> found = new HashMap<>();
		this.jdbc.sql("select level, position, hash from ledger.node where community_id = :c")
			.param("c", communityId)
			.query((RowCallbackHandler) rs -> found.put(new NodeKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)));
		return found;
	}

	/** Streams the entries in index order; call inside a transaction so PostgreSQL uses a cursor. */
	void streamEntries(UUID communityId, java.util.function.Consumer<StoredEntry> consumer) {
		this.template.query(con -> {
			PreparedStatement ps = con.prepareStatement(
					"select idx, payload, leaf_hash from ledger.entry where community_id = ? order by idx");
			ps.setObject(1, communityId);
			ps.setFetchSize(10_000);
			return ps;
		}, (RowCallbackHandler) rs -> consumer.accept(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getBytes(3))));
	}

	List<LedgerEntry> entries(UUID communityId, long from, long to) {
		return this.jdbc.sql("""
				select idx, payload from ledger.entry where community_id = :c and idx >= :f and idx < :t order by idx""")
			.param("c", communityId)
			.param("f", from)
			.param("t", to)
			.query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2)))
			.list();
	}

	void insertHead(TreeHead head) {
		this.jdbc.sql("""
				insert into ledger.tree_head (community_id, tree_size, root_hash, algorithm, signed_at,
				    signature_algorithm, signature, public_key)
				values (:c, :s, :r, :a, :t, :sa, :sig, :pk)""")
			.param("c", head.communityId())
			.param("s", head.treeSize())
			.param("r", head.rootHash())
			.param("a", head.algorithm())
			.param("t", head.timestamp())
			.param("sa", head.signatureAlgorithm())
			.param("sig", head.signature())
			.param("pk", head.publicKey())
			.update();
	}

	private static final String HEAD_COLUMNS = """
			tree_size, root_hash, algorithm, signed_at, signature, public_key, signature_algorithm, community_id""";

	Optional<TreeHead> latestHead(UUID communityId) {
		return this.jdbc.sql("select " + HEAD_COLUMNS
				+ " from ledger.tree_head where community_id = :c order by seq desc limit 1")
			.param("c", communityId)
			.query(LedgerStore::head)
			.optional();
	}

	List<TreeHead> heads(UUID communityId) {
		return this.jdbc.sql("select " + HEAD_COLUMNS + " from ledger.tree_head where community_id = :c order by seq")
			.param("c", communityId)
			.query(LedgerStore::head)
			.list();
	}

	private static TreeHead head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TreeHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class));
	}

	Optional<LedgerStatus> status(UUID communityId) {
		return this.jdbc.sql("""
				select algorithm, tree_size, tampered_at, tampered_index, tampered_reason, last_verified_at
				from ledger.log where community_id = :c""")
			.param("c", communityId)
			.query((rs, n) -> new LedgerStatus(communityId, rs.getString(1), rs.getLong(2),
					rs.getTimestamp(3) != null, (Long) rs.getObject(4), rs.getString(5), time(rs.getTimestamp(3)),
					time(rs.getTimestamp(6))))
			.optional();
	}

	/** Records the first tampering found; returns false when the log was already marked. */
	boolean markTampered(UUID communityId, Long index, String reason, Instant now) {
		return this.jdbc.sql("""
				update ledger.log set tampered_at = :t, tampered_index = :i, tampered_reason = :r, last_verified_at = :t
				where community_id = :c and tampered_at is null""")
			.param("t", Timestamp.from(now))
			.param("i", index)
			.param("r", reason)
			.param("c", communityId)
			.update() == 1;
	}

	void markVerified(UUID communityId, Instant now) {
		this.jdbc.sql("update ledger.log set last_verified_at = :t where community_id = :c")
			.param("t", Timestamp.from(now))
			.param("c", communityId)
			.update();
	}

	private static OffsetDateTime time(Timestamp timestamp) {
		return timestamp == null ? null
				: timestamp.toInstant().atOffset(ZoneOffset.ofHours(8));
	}

}
