package org.linli.ledger.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.ledger.AppendedEntry;
import org.linli.ledger.ConsistencyProof;
import org.linli.ledger.InclusionProof;
import org.linli.ledger.LedgerEntry;
import org.linli.ledger.LedgerRecord;
import org.linli.ledger.LedgerStatus;
import org.linli.ledger.TreeHead;
import org.linli.ledger.domain.LedgerStore.NewEntry;
import org.linli.ledger.domain.LedgerStore.NodeKey;
import org.linli.ledger.domain.Merkle.Range;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to a compound's log, keeps the subtree cache, signs tree heads and answers proofs. Appends lock the log row,
 * so entries get gapless indexes even with several writers; hashes of complete subtrees of 256 leaves and more are
 * stored as they complete, so any proof needs one read of at most a few hundred leaf hashes and a few dozen nodes.
 */
@Service
public class LedgerService {

	/** Subtrees of 2^8 = 256 leaves and larger are cached; smaller ones are hashed from the leaves when needed. */
	static final int CACHE_LEVEL = 8;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final LedgerStore store;

	private final SigningKey signingKey;

	private final LedgerSettings settings;

	private final Clock clock;

	LedgerService(LedgerStore store, SigningKey signingKey, LedgerSettings settings, Clock clock) {
		this.store = store;
		this.signingKey = signingKey;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public List<AppendedEntry> append(UUID communityId, List<LedgerRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		LedgerStore.LogRow log = this.store.lockLog(communityId, this.settings.hashAlgorithm(), now);
		Merkle merkle = new Merkle(log.algorithm());
		String at = timestamp(now);
		long first = log.treeSize();
		List<NewEntry> entries = new ArrayList<>(records.size());
		List<byte[]> leaves = new ArrayList<>(records.size());
		List<AppendedEntry> appended = new ArrayList<>(records.size());
		for (LedgerRecord record : records) {
			if (record.type() == null || !record.type().matches("[A-Z][A-Z0-9_]{1,39}")) {
				throw new IllegalArgumentException("ledger entry types are UPPER_SNAKE_CASE: " + record.type());
			}
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("type", record.type());
			envelope.put("at", at);
			envelope.put("data", record.data() == null ? Map.of() : record.data());
			String payload = CanonicalJson.write(envelope);
			byte[] leaf = merkle.leafHash(payload);
			long index = first + entries.size();
			entries.add(new NewEntry(index, record.type(), payload, leaf));
			leaves.add(leaf);
			appended.add(new AppendedEntry(index, Merkle.hex(leaf)));
		}
		long size = first + entries.size();
		this.store.insertEntries(communityId, entries, now);
		this.store.insertNodes(communityId, completedNodes(communityId, merkle, first, size, leaves));
		this.store.updateSize(communityId, size);
		return appended;
	}

	/** Hashes of the cached subtrees that the leaves {@code [first, size)} complete. */
	private Map<NodeKey, byte[]> completedNodes(UUID communityId, Merkle merkle, long first, long size,
			List<byte[]> batch) {
		Map<NodeKey, byte[]> made = new LinkedHashMap<>();
		long blockSize = 1L << CACHE_LEVEL;
		for (long p = first >> CACHE_LEVEL; p <= (size >> CACHE_LEVEL) - 1; p++) {
			long start = p << CACHE_LEVEL;
			List<byte[]> leaves;
			if (start >= first) {
				leaves = batch.subList((int) (start - first), (int) (start - first + blockSize));
			}
			else {
				leaves = new ArrayList<>(this.store.leafHashes(communityId, start, first));
				leaves.addAll(batch.subList(0, (int) (start + blockSize - first)));
			}
			made.put(new NodeKey(CACHE_LEVEL, p), merkle.rangeHash(leaves, 0, blockSize));
		}
		for (int level = CACHE_LEVEL + 1; level < 63 && (size >> level) > 0; level++) {
			for (long p = first >> level; p <= (size >> level) - 1; p++) {
				NodeKey leftKey = new NodeKey(level - 1, 2 * p);
				byte[] left = made.get(leftKey);
				if (left == null) {
					left = this.store.nodes(communityId, List.of(leftKey)).get(leftKey);
				}
				byte[] right = made.get(new NodeKey(level - 1, 2 * p + 1));
				made.put(new NodeKey(level, p), merkle.nodeHash(left, right));
			}
		}
		return made;
	}

	/** Signs and stores the head of the log as it stands (a log is started if the compound has none yet). */
	@Transactional
	public TreeHead publish(UUID communityId) {
		Instant now = this.clock.instant();
		LedgerStore.LogRow log = this.store.lockLog(communityId, this.settings.hashAlgorithm(), now);
		Merkle merkle = new Merkle(log.algorithm());
		String root = Merkle.hex(root(communityId, merkle, log.treeSize()));
		String timestamp = timestamp(now);
		String algorithm = log.algorithm().label();
		String signature = this.signingKey.sign(TreeHeadSignature.signedText(algorithm, communityId.toString(), root,
				timestamp, log.treeSize()));
		TreeHead head = new TreeHead(log.treeSize(), root, algorithm, timestamp, signature,
				this.signingKey.publicKeyBase64(), this.signingKey.kind().label(), communityId);
		this.store.insertHead(head);
		return head;
	}

	/** The latest signed head; a log that has none yet gets its first one now. */
	@Transactional
	public TreeHead latestHead(UUID communityId) {
		requireLog(communityId);
		return this.store.latestHead(communityId).orElseGet(() -> publish(communityId));
	}

	/** Publishes a head when the log grew since the last one; returns whether it did. */
	@Transactional
	public boolean publishIfGrown(UUID communityId) {
		long size = this.store.log(communityId).map(LedgerStore.LogRow::treeSize).orElse(0L);
		boolean grown = this.store.latestHead(communityId).map(head -> head.treeSize() < size).orElse(true);
		if (grown) {
			publish(communityId);
		}
		return grown;
	}

	public List<UUID> communities() {
		return this.store.communities();
	}

	@Transactional(readOnly = true)
	public Optional<LedgerStatus> status(UUID communityId) {
		return this.store.status(communityId);
	}

	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(UUID communityId, long start, Long end) {
		long size = requireLog(communityId).treeSize();
		long to = end == null ? Math.min(size, start + this.settings.maxPage()) : end;
		if (start < 0) {
			throw DomainException.invalid("start", "ledger.range.start");
		}
		if (to < start || to > size) {
			throw DomainException.invalid("end", "ledger.range.end", size);
		}
		if (to - start > this.settings.maxPage()) {
			throw DomainException.invalid("end", "ledger.range.tooLong", this.settings.maxPage());
		}
		return this.store.entries(communityId, start, to);
	}

	@Transactional(readOnly = true)
	public InclusionProof inclusionProof(UUID communityId, long index, Long treeSize) {
		LedgerStore.LogRow log = requireLog(communityId);
		long size = treeSize == null ? log.treeSize() : treeSize;
		if (size < 1 || size > log.treeSize()) {
			throw DomainException.invalid("treeSize", "ledger.treeSize.range", log.treeSize());
		}
		if (index < 0 || index >= size) {
			throw DomainException.invalid("index", "ledger.index.range", size);
		}
		Merkle merkle = new Merkle(log.algorithm());
		List<Range> ranges = new ArrayList<>(Merkle.inclusionRanges(index, size));
		ranges.add(new Range(index, index + 1));
		ranges.add(new Range(0, size));
		List<byte[]> hashes = hashes(communityId, merkle, ranges);
		List<String> path = hashes.subList(0, hashes.size() - 2).stream().map(Merkle::hex).toList();
		return new InclusionProof(index, size, path, Merkle.hex(hashes.get(hashes.size() - 2)),
				Merkle.hex(hashes.getLast()));
	}

	@Transactional(readOnly = true)
	public ConsistencyProof consistencyProof(UUID communityId, long first, long second) {
		LedgerStore.LogRow log = requireLog(communityId);
		if (second < 1 || second > log.treeSize()) {
			throw DomainException.invalid("second", "ledger.treeSize.range", log.treeSize());
		}
		if (first < 1 || first > second) {
			throw DomainException.invalid("first", "ledger.first.range", second);
		}
		Merkle merkle = new Merkle(log.algorithm());
		List<Range> ranges = new ArrayList<>(Merkle.consistencyRanges(first, second));
		ranges.add(new Range(0, first));
		ranges.add(new Range(0, second));
		List<byte[]> hashes = hashes(communityId, merkle, ranges);
		List<String> path = hashes.subList(0, hashes.size() - 2).stream().map(Merkle::hex).toList();
		return new ConsistencyProof(first, second, path, Merkle.hex(hashes.get(hashes.size() - 2)),
				Merkle.hex(hashes.getLast()));
	}

	/** The root of the first {@code size} entries, from the cache and a few leaf hashes. */
	byte[] root(UUID communityId, Merkle merkle, long size) {
		return size == 0 ? merkle.emptyRoot() : hashes(communityId, merkle, List.of(new Range(0, size))).getFirst();
	}

	/** Subtree hashes of the ranges: cached nodes where the piece is a cached subtree, leaf hashes otherwise. */
	List<byte[]> hashes(UUID communityId, Merkle merkle, List<Range> ranges) {
		List<List<Range>> piecesOfRanges = ranges.stream().map(Merkle::pieces).toList();
		Set<NodeKey> keys = new HashSet<>();
		List<Range> leafRanges = new ArrayList<>();
		for (List<Range> pieces : piecesOfRanges) {
			for (Range piece : pieces) {
				NodeKey key = cachedKey(piece);
				if (key != null) {
					keys.add(key);
				}
				else {
					leafRanges.add(piece);
				}
			}
		}
		Map<NodeKey, byte[]> nodes = this.store.nodes(communityId, keys);
		Map<Long, byte[]> leaves = leaves(communityId, leafRanges);
		List<byte[]> result = new ArrayList<>(ranges.size());
		for (List<Range> pieces : piecesOfRanges) {
			List<byte[]> pieceHashes = new ArrayList<>(pieces.size());
			for (Range piece : pieces) {
				NodeKey key = cachedKey(piece);
				if (key != null) {
					byte[] hash = nodes.get(key);
					if (hash == null) {
						throw new IllegalStateException("ledger node missing: " + key);
					}
					pieceHashes.add(hash);
				}
				else {
					List<byte[]> pieceLeaves = new ArrayList<>((int) piece.size());
					for (long i = piece.start(); i < piece.end(); i++) {
						pieceLeaves.add(leaves.get(i));
					}
					pieceHashes.add(merkle.rangeHash(pieceLeaves, 0, pieceLeaves.size()));
				}
			}
			result.add(merkle.fold(pieceHashes));
		}
		return result;
	}

	private static NodeKey cachedKey(Range piece) {
		long size = piece.size();
		int level = Long.numberOfTrailingZeros(size);
		if (Long.bitCount(size) == 1 && level >= CACHE_LEVEL && piece.start() % size == 0) {
			return new NodeKey(level, piece.start() >> level);
		}
		return null;
	}

	/** Reads the leaf hashes the ranges need, merged into as few contiguous reads as possible. */
	private Map<Long, byte[]> leaves(UUID communityId, List<Range> ranges) {
		Map<Long, byte[]> leaves = new HashMap<>();
		List<Range> sorted = new ArrayList<>(ranges);
		sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
		long spanStart = -1;
		long spanEnd = -1;
		for (Range range : sorted) {
			if (spanStart >= 0 && range.start() <= spanEnd) {
				spanEnd = Math.max(spanEnd, range.end());
				continue;
			}
			if (spanStart >= 0) {
				read(communityId, spanStart, spanEnd, leaves);
			}
			spanStart = range.start();
			spanEnd = range.end();
		}
		if (spanStart >= 0) {
			read(communityId, spanStart, spanEnd, leaves);
		}
		return leaves;
	}

	private void read(UUID communityId, long from, long to, Map<Long, byte[]> into) {
		List<byte[]> hashes = this.store.leafHashes(communityId, from, to);
		for (int i = 0; i < hashes.size(); i++) {
			into.put(from + i, hashes.get(i));
		}
	}

	private LedgerStore.LogRow requireLog(UUID communityId) {
		return this.store.log(communityId).orElseThrow(() -> DomainException.notFound("ledger.notFound"));
	}

	String timestamp(Instant instant) {
		return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(this.clock.getZone()).toOffsetDateTime());
	}

}
