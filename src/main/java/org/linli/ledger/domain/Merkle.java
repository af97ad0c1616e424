package org.linli.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.Digest;

/**
 * RFC 6962 §2.1 Merkle tree hashing, audit paths and consistency proofs, and their verification (RFC 9162 §2.1.3.2
 * and §2.1.4.2). Proofs are produced as lists of leaf ranges whose subtree hashes form the path; a
 * {@link SubtreeHashes} source turns ranges into hashes, from memory (tests, the offline verifier) or from the stored
 * leaf hashes and cached complete subtrees.
 */
public final class Merkle {

	private static final HexFormat HEX = HexFormat.of();

	private final HashAlgorithm algorithm;

	public Merkle(HashAlgorithm algorithm) {
		this.algorithm = algorithm;
	}

	public HashAlgorithm algorithm() {
		return this.algorithm;
	}

	/** The leaves {@code [start, end)} of the tree: one subtree (MTH(D[start:end]) in RFC 6962). */
	public record Range(long start, long end) {

		public long size() {
			return this.end - this.start;
		}

	}

	/** Gives the hash of each range, in order. */
	@FunctionalInterface
	public interface SubtreeHashes {

		List<byte[]> hashes(List<Range> ranges);

	}

	public byte[] leafHash(String payload) {
		return leafHash(payload.getBytes(StandardCharsets.UTF_8));
	}

	public byte[] leafHash(byte[] payload) {
		Digest digest = this.algorithm.newDigest();
		digest.update((byte) 0x00);
		digest.update(payload, 0, payload.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	public byte[] nodeHash(byte[] left, byte[] right) {
		Digest digest = this.algorithm.newDigest();
		digest.update((byte) 0x01);
		digest.update(left, 0, left.length);
		digest.update(right, 0, right.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	/** MTH({}) = HASH(): the root of the empty tree. */
	public byte[] emptyRoot() {
		Digest digest = this.algorithm.newDigest();
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	/** The largest power of two smaller than n (n > 1): where RFC 6962 splits a tree of n leaves. */
	public static long split(long n) {
		return Long.highestOneBit(n - 1);
	}

	/**
	 * The complete, aligned subtrees whose hashes make up MTH(D[start:end]), left to right: RFC 6962 splits off the
	 * largest power of two again and again. Folding them from the right with {@link #nodeHash} gives the range hash.
	 */
	public static List<Range> pieces(Range range) {
		List<Range> pieces = new ArrayList<>(4);
		long start = range.start();
		long size = range.size();
		while (size > 0 && Long.bitCount(size) > 1) {
			long k = split(size);
			pieces.add(new Range(start, start + k));
			start += k;
			size -= k;
		}
		if (size > 0) {
			pieces.add(new Range(start, start + size));
		}
		return pieces;
	}

	/** Hashes of the pieces of a range, folded from the right. */
	public byte[] fold(List<byte[]> pieceHashes) {
		byte[] hash = pieceHashes.getLast();
		for (int i = pieceHashes.size() - 2; i >= 0; i--) {
			hash = nodeHash(pieceHashes.get(i), hash);
		}
		return hash;
	}

	/** The ranges of the audit path PATH(m, D[0:n]), bottom up (RFC 6962 §2.1.1). */
	public static List<Range> inclusionRanges(long m, long n) {
		if (m < 0 || m >= n) {
			throw new IllegalArgumentException("index " + m + " outside a tree of " + n);
		}
		List<Range> topDown = new ArrayList<>(64);
		long start = 0;
		long end = n;
		while (end - start > 1) {
			long k = split(end - start);
			if (m < start + k) {
				topDown.add(new Range(start + k, end));
				end = start + k;
			}
			else {
				topDown.add(new Range(start, start + k));
				start += k;
			}
		}
		return topDown.reversed();
	}

	/** The ranges of the consistency proof PROOF(m, D[0:n]), bottom up (RFC 6962 §2.1.2); 0 < m <= n. */
	public static List<Range> consistencyRanges(long m, long n) {
		if (m <= 0 || m > n) {
			throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
		}
		List<Range> topDown = new ArrayList<>(64);
		long start = 0;
		long end = n;
		long first = m;
		boolean whole = true; // b in SUBPROOF: the first tree is this very subtree of the old tree
		while (true) {
			long size = end - start;
			if (first == size) {
				if (!whole) {
					topDown.add(new Range(start, end));
				}
				break;
			}
			long k = split(size);
			if (first <= k) {
				topDown.add(new Range(start + k, end));
				end = start + k;
			}
			else {
				topDown.add(new Range(start, start + k));
				start += k;
				first -= k;
				whole = false;
			}
		}
		return topDown.reversed();
	}

	/** Checks an audit path (RFC 9162 §2.1.3.2). */
	public boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
		if (index < 0 || index >= treeSize) {
			return false;
		}
		long fn = index;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** Checks a consistency proof between two tree heads (RFC 9162 §2.1.4.2). */
	public boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (first <= 0 || first > second) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.addFirst(firstRoot);
		}
		if (path.isEmpty()) {
			return false;
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.getFirst();
		byte[] sr = path.getFirst();
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	/** Subtree hashes computed from leaf hashes held in memory (small logs, tests, the offline verifier). */
	public SubtreeHashes inMemory(List<byte[]> leafHashes) {
		return ranges -> ranges.stream().map(range -> rangeHash(leafHashes, range.start(), range.end())).toList();
	}

	/** MTH(D[start:end]) from leaf hashes. */
	public byte[] rangeHash(List<byte[]> leafHashes, long start, long end) {
		if (end - start == 0) {
			return emptyRoot();
		}
		if (end - start == 1) {
			return leafHashes.get((int) start);
		}
		long k = split(end - start);
		return nodeHash(rangeHash(leafHashes, start, start + k), rangeHash(leafHashes, start + k, end));
	}

	public static String hex(byte[] hash) {
		return HEX.formatHex(hash);
	}

	public static byte[] unhex(String hex) {
		return HEX.parseHex(hex);
	}

	/**
	 * Builds roots incrementally, one leaf at a time: a stack of complete subtrees (sizes are decreasing powers of
	 * two), so the root of every prefix is available without keeping the leaves. Used by full verification.
	 */
	public final class Frontier {

		private final long[] sizes = new long[64];

		private final byte[][] hashes = new byte[64][];

		private int depth;

		private long count;

		/** Adds a leaf; returns the complete subtrees this leaf closed (size >= 2), as the listener sees them. */
		public void add(byte[] leafHash, CompletedSubtree listener) {
			this.sizes[this.depth] = 1;
			this.hashes[this.depth] = leafHash;
			this.depth++;
			this.count++;
			while (this.depth >= 2 && this.sizes[this.depth - 1] == this.sizes[this.depth - 2]) {
				byte[] merged = nodeHash(this.hashes[this.depth - 2], this.hashes[this.depth - 1]);
				long size = this.sizes[this.depth - 2] * 2;
				this.depth--;
				this.sizes[this.depth - 1] = size;
				this.hashes[this.depth - 1] = merged;
				if (listener != null) {
					listener.completed(this.count - size, size, merged);
				}
			}
		}

		public long count() {
			return this.count;
		}

		/** The root of the leaves added so far. */
		public byte[] root() {
			if (this.depth == 0) {
				return emptyRoot();
			}
			byte[] hash = this.hashes[this.depth - 1];
			for (int i = this.depth - 2; i >= 0; i--) {
				hash = nodeHash(this.hashes[i], hash);
			}
			return hash;
		}

	}

	public Frontier frontier() {
		return new Frontier();
	}

	/** A complete aligned subtree of {@code size} leaves from {@code start} that the frontier just closed. */
	@FunctionalInterface
	public interface CompletedSubtree {

		void completed(long start, long size, byte[] hash);

	}

}
