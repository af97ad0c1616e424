package org.linli.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.ledger.domain.HashAlgorithm;
import org.linli.ledger.domain.Merkle;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger benchmark of bench/ledger.sh (not part of the build: run it by name with -Dit.test=LedgerBenchmark).
 * Appends {@code linli.bench.entries} (1,000,000) fund-receipt entries in batches of {@code linli.bench.batch} (1,000)
 * to a fresh log on the real database, then times inclusion proofs at random indexes of the full tree and one full
 * verification. Figures go to stdout and target/ledger-benchmark.txt; only correctness is asserted, never time.
 */
@LinliIntegrationTest
class LedgerBenchmark {

	@Autowired
	LedgerApi ledger;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void appendProveAndVerifyAMillionEntries() throws IOException {
		int entries = Integer.getInteger("linli.bench.entries", 1_000_000);
		int batch = Integer.getInteger("linli.bench.batch", 1_000);
		int proofs = Integer.getInteger("linli.bench.proofs", 10_000);
		UUID cid = UUID.randomUUID();
		List<String> report = new ArrayList<>();

		long started = System.nanoTime();
		for (int done = 0; done < entries; done += batch) {
			List<LedgerRecord> records = new ArrayList<>(batch);
			for (int i = done; i < Math.min(entries, done + batch); i++) {
				records.add(new LedgerRecord("FUND_RECEIPT", Map.of("projectId", "8d5c0b8e-3b4f-4c1a-9a57-0f3e2d1c4b5a",
						"receiptId", "r-" + i, "source", "GOVERNMENT", "amountFen", 100_000L + i, "receivedOn",
						"2026-03-01", "reference", "HPCZ-BK-" + i)));
			}
			this.transactions.executeWithoutResult(status -> this.ledger.append(cid, records));
		}
		double appendSeconds = (System.nanoTime() - started) / 1e9;
		report.add("append: %,d entries in batches of %,d: %.1f s = %,.0f entries/s".formatted(entries, batch,
				appendSeconds, entries / appendSeconds));

		TreeHead head = this.transactions.execute(status -> this.ledger.publishTreeHead(cid));
		assertThat(head.treeSize()).isEqualTo(entries);
		Merkle merkle = new Merkle(HashAlgorithm.ofLabel(head.algorithm()));
		byte[] root = Merkle.unhex(head.rootHash());
		SplittableRandom random = new SplittableRandom(6962);
		for (int i = 0; i < 1_000; i++) { // warm-up
			this.ledger.inclusionProof(cid, random.nextLong(entries), entries);
		}
		long[] nanos = new long[proofs];
		for (int i = 0; i < proofs; i++) {
			long index = random.nextLong(entries);
			long t = System.nanoTime();
			InclusionProof proof = this.ledger.inclusionProof(cid, index, entries);
			nanos[i] = System.nanoTime() - t;
			if (i % 1_000 == 0) {
				String payload = this.ledger.entries(cid, index, index + 1).getFirst().payload();
				assertThat(merkle.verifyInclusion(index, entries, merkle.leafHash(payload),
						proof.path().stream().map(Merkle::unhex).toList(), root)).isTrue();
			}
		}
		Arrays.sort(nanos);
		report.add("inclusion proof in a %,d-entry log (%,d random indexes, after 1,000 warm-up): mean %.2f ms, "
			.formatted(entries, proofs, Arrays.stream(nanos).average().orElse(0) / 1e6)
				+ "p50 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(nanos[proofs / 2] / 1e6,
						nanos[proofs * 99 / 100] / 1e6, nanos[proofs - 1] / 1e6));

		long t = System.nanoTime();
		Verification verification = this.ledger.verify(cid);
		double verifySeconds = (System.nanoTime() - t) / 1e9;
		assertThat(verification.intact()).isTrue();
		report.add("full verification of %,d entries (%s, every leaf, cached node and signed head): %.1f s"
			.formatted(entries, head.algorithm(), verifySeconds));

		report.forEach(System.out::println);
		Files.write(Path.of("target", "ledger-benchmark.txt"), report, StandardCharsets.UTF_8);
	}

}
