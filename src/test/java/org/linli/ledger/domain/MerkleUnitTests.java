package org.linli.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.ledger.domain.Merkle.Range;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6962 hashing and proofs against the Certificate Transparency test vectors (SHA-256, the eight leaves of
 * certificate-transparency's merkle_tree tests), then proofs for many sizes checked by the RFC 9162 verifiers.
 */
class MerkleUnitTests {

	private static final HexFormat HEX = HexFormat.of();

	private static final String[] LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	private static final String[] ROOTS = { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	private final Merkle sha256 = new Merkle(HashAlgorithm.SHA_256);

	private List<byte[]> vectorLeaves() {
		List<byte[]> leaves = new ArrayList<>();
		for (String leaf : LEAVES) {
			leaves.add(this.sha256.leafHash(HEX.parseHex(leaf)));
		}
		return leaves;
	}

	private List<String> path(List<byte[]> leaves, List<Range> ranges) {
		return this.sha256.inMemory(leaves).hashes(ranges).stream().map(Merkle::hex).toList();
	}

	@Test
	void emptyTreeAndRootsMatchTheCertificateTransparencyVectors() {
		assertThat(Merkle.hex(this.sha256.emptyRoot()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		List<byte[]> leaves = vectorLeaves();
		for (int n = 1; n <= 8; n++) {
			assertThat(Merkle.hex(this.sha256.rangeHash(leaves, 0, n))).as("root of %d", n).isEqualTo(ROOTS[n - 1]);
			Merkle.Frontier frontier = this.sha256.frontier();
			leaves.subList(0, n).forEach(leaf -> frontier.add(leaf, null));
			assertThat(Merkle.hex(frontier.root())).isEqualTo(ROOTS[n - 1]);
		}
	}

	@Test
	void auditPathsMatchTheVectors() {
		List<byte[]> leaves = vectorLeaves();
		assertThat(Merkle.inclusionRanges(0, 1)).isEmpty();
		assertThat(path(leaves, Merkle.inclusionRanges(0, 8))).containsExactly(
				"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(path(leaves, Merkle.inclusionRanges(5, 8))).containsExactly(
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(path(leaves, Merkle.inclusionRanges(2, 3)))
			.containsExactly("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
		assertThat(path(leaves, Merkle.inclusionRanges(1, 5))).containsExactly(
				"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
	}

	@Test
	void consistencyProofsMatchTheVectors() {
		List<byte[]> leaves = vectorLeaves();
		assertThat(Merkle.consistencyRanges(1, 1)).isEmpty();
		assertThat(path(leaves, Merkle.consistencyRanges(1, 8))).containsExactly(
				"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(path(leaves, Merkle.consistencyRanges(6, 8))).containsExactly(
				"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(path(leaves, Merkle.consistencyRanges(2, 5))).containsExactly(
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
	}

	@Test
	void everyAuditPathVerifiesAndAWrongLeafOrRootDoesNot() {
		for (HashAlgorithm algorithm : HashAlgorithm.values()) {
			Merkle merkle = new Merkle(algorithm);
			List<byte[]> leaves = leaves(merkle, 71);
			for (int n = 1; n <= 70; n++) {
				byte[] root = merkle.rangeHash(leaves, 0, n);
				for (int m = 0; m < n; m++) {
					List<byte[]> proof = merkle.inMemory(leaves).hashes(Merkle.inclusionRanges(m, n));
					assertThat(merkle.verifyInclusion(m, n, leaves.get(m), proof, root)).as("%d in %d", m, n).isTrue();
					assertThat(merkle.verifyInclusion(m, n, leaves.get((m + 1) % n), proof, root))
						.as("wrong leaf %d in %d", m, n)
						.isEqualTo(n == 1);
					byte[] otherRoot = merkle.rangeHash(leaves, 0, n + 1);
					assertThat(merkle.verifyInclusion(m, n, leaves.get(m), proof, otherRoot)).isFalse();
				}
			}
		}
	}

	@Test
	void consistencyProofsVerifyForEveryPairUpTo70AndFailForAnotherHistory() {
		for (HashAlgorithm algorithm : HashAlgorithm.values()) {
			Merkle merkle = new Merkle(algorithm);
			List<byte[]> leaves = leaves(merkle, 70);
			List<byte[]> forked = new ArrayList<>(leaves);
			forked.set(0, merkle.leafHash("forked"));
			for (int second = 1; second <= 70; second++) {
				byte[] secondRoot = merkle.rangeHash(leaves, 0, second);
				for (int first = 1; first <= second; first++) {
					byte[] firstRoot = merkle.rangeHash(leaves, 0, first);
					List<byte[]> proof = merkle.inMemory(leaves).hashes(Merkle.consistencyRanges(first, second));
					assertThat(merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof))
						.as("%d -> %d", first, second)
						.isTrue();
					byte[] forkedRoot = merkle.rangeHash(forked, 0, first);
					assertThat(merkle.verifyConsistency(first, second, forkedRoot, secondRoot, proof)).isFalse();
				}
			}
		}
	}

	@Test
	void rangePiecesAreAlignedPowersOfTwo() {
		assertThat(Merkle.pieces(new Range(0, 13)))
			.containsExactly(new Range(0, 8), new Range(8, 12), new Range(12, 13));
		for (long n = 1; n < 600; n++) {
			for (Range range : Merkle.inclusionRanges(n / 2, n)) {
				for (Range piece : Merkle.pieces(range)) {
					assertThat(Long.bitCount(piece.size())).isOne();
					assertThat(piece.start() % piece.size()).isZero();
				}
			}
		}
	}

	@Test
	void sm3KnownAnswers() {
		var digest = HashAlgorithm.SM3.newDigest();
		byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
		digest.update(abc, 0, abc.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		assertThat(HEX.formatHex(out)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		byte[] abcd = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
		digest.update(abcd, 0, abcd.length);
		digest.doFinal(out, 0);
		assertThat(HEX.formatHex(out)).isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
		// leaf hashing prefixes 0x00: H(0x00 || "abc") differs from H("abc")
		assertThat(Merkle.hex(new Merkle(HashAlgorithm.SM3).leafHash("abc")))
			.isNotEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
			.hasSize(64);
	}

	private static List<byte[]> leaves(Merkle merkle, int n) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			leaves.add(merkle.leafHash("{\"i\":" + i + "}"));
		}
		return leaves;
	}

}
