package org.linli.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.ledger.domain.HashAlgorithm;
import org.linli.ledger.domain.Merkle;
import org.linli.ledger.verifier.OfflineVerifier;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public ledger end to end: appends, signed heads, proofs from the cache, tampering and the offline verifier. */
@LinliIntegrationTest
@RecordApplicationEvents
class LedgerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	LedgerApi ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private List<AppendedEntry> appendMany(UUID cid, int count, int batch) {
		List<AppendedEntry> all = new ArrayList<>();
		for (int done = 0; done < count; done += batch) {
			List<LedgerRecord> records = new ArrayList<>();
			for (int i = done; i < Math.min(count, done + batch); i++) {
				records.add(new LedgerRecord("FUND_RECEIPT", Map.of("amountFen", 100L * i, "source", "政府补助 " + i)));
			}
			all.addAll(this.transactions.execute(status -> this.ledger.append(cid, records)));
		}
		return all;
	}

	private JsonNode getJson(String path, Object... vars) throws Exception {
		return Api.body(this.mvc.perform(get(path, vars)).andExpect(status().isOk()).andReturn());
	}

	@Test
	void proofsFromTheSubtreeCacheVerifyForEverySizeAcrossCachedBlocksWithoutSigningIn() throws Exception {
		UUID cid = UUID.randomUUID();
		List<AppendedEntry> appended = appendMany(cid, 700, 97); // batches that straddle 256-leaf blocks
		assertThat(appended).extracting(AppendedEntry::index).containsExactlyElementsOf(
				java.util.stream.LongStream.range(0, 700).boxed().toList());
		this.transactions.executeWithoutResult(status -> this.ledger.publishTreeHead(cid));
		JsonNode head = getJson("/api/v1/public/ledgers/{cid}/tree-head", cid);
		assertThat(head.get("treeSize").asLong()).isEqualTo(700);
		assertThat(head.get("algorithm").asString()).isEqualTo("SM3");
		assertThat(head.get("signature").asString()).isNotBlank();
		assertThat(head.get("publicKey").asString()).isNotBlank();
		assertThat(head.get("rootHash").asString()).matches("[0-9a-f]{64}");
		assertThat(head.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");

		JsonNode entries = getJson("/api/v1/public/ledgers/{cid}/entries?start=0&end=700", cid);
		assertThat(entries.size()).isEqualTo(700);
		Merkle merkle = new Merkle(HashAlgorithm.SM3);
		List<byte[]> leaves = new ArrayList<>();
		for (JsonNode entry : entries) {
			leaves.add(merkle.leafHash(entry.get("payload").asString()));
		}
		assertThat(entries.get(3).get("payload").asString()).startsWith("{\"at\":\"").contains("\"type\":\"FUND_RECEIPT\"");
		assertThat(Merkle.hex(leaves.get(5))).isEqualTo(appended.get(5).leafHash());
		assertThat(Merkle.hex(merkle.rangeHash(leaves, 0, 700))).isEqualTo(head.get("rootHash").asString());

		for (long size : new long[] { 1, 2, 255, 256, 257, 511, 512, 513, 700 }) {
			byte[] root = merkle.rangeHash(leaves, 0, size);
			for (long index : new long[] { 0, size / 2, size - 1 }) {
				JsonNode proof = getJson("/api/v1/public/ledgers/{cid}/proofs/inclusion?index={i}&treeSize={n}", cid,
						index, size);
				assertThat(proof.get("index").asLong()).isEqualTo(index);
				assertThat(proof.get("treeSize").asLong()).isEqualTo(size);
				List<byte[]> path = new ArrayList<>();
				proof.get("path").forEach(hash -> path.add(Merkle.unhex(hash.asString())));
				assertThat(merkle.verifyInclusion(index, size, leaves.get((int) index), path, root))
					.as("%d in %d", index, size)
					.isTrue();
			}
			for (long first : new long[] { 1, size / 3 + 1, size }) {
				JsonNode proof = getJson("/api/v1/public/ledgers/{cid}/proofs/consistency?first={f}&second={s}", cid,
						first, size);
				List<byte[]> path = new ArrayList<>();
				proof.get("path").forEach(hash -> path.add(Merkle.unhex(hash.asString())));
				assertThat(merkle.verifyConsistency(first, size, merkle.rangeHash(leaves, 0, first), root, path))
					.as("%d -> %d", first, size)
					.isTrue();
			}
		}
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/proofs/inclusion?index=700&treeSize=700", cid))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("index"));
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries?start=0&end=701", cid))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/tree-head", UUID.randomUUID()))
			.andExpect(status().isNotFound());
		assertThat(this.ledger.verify(cid).intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		UUID cid = UUID.randomUUID();
		appendMany(cid, 3, 3);
		assertThatThrownBy(() -> this.jdbc.sql("update ledger.entry set payload = '{}' where community_id = :c")
			.param("c", cid).update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from ledger.entry where community_id = :c")
			.param("c", cid).update()).rootCause().hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from ledger.entry where community_id = :c").param("c", cid)
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aPayloadChangedInTheDatabaseFailsVerificationMarksTheLogAndRaisesLedgerTampered(ApplicationEvents events,
			@TempDir Path dir) throws Exception {
		UUID cid = UUID.randomUUID();
		appendMany(cid, 300, 300);
		this.transactions.executeWithoutResult(status -> this.ledger.publishTreeHead(cid));
		assertThat(this.ledger.verify(cid).intact()).isTrue();
		String headJson = this.mvc.perform(get("/api/v1/public/ledgers/{cid}/tree-head", cid)).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("head.json"), headJson);

		// an insider edits an amount directly, past the append-only trigger
		org.linli.support.LedgerTampering.replaceInPayload(this.transactions, this.jdbc, cid, 42, "\"amountFen\":4200",
				"\"amountFen\":9900");
		Verification result = this.ledger.verify(cid);
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBadIndex()).isEqualTo(42L);
		assertThat(result.reason()).isEqualTo("LEAF_HASH");
		assertThat(events.stream(LedgerTampered.class))
			.anySatisfy(event -> assertThat(event.communityId()).isEqualTo(cid));
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/status", cid))
			.andExpect(jsonPath("$.tampered").value(true))
			.andExpect(jsonPath("$.tamperedIndex").value(42));
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'ledger.tampered' and object = :o")
			.param("o", "ledger:" + cid).query(Long.class).single()).isEqualTo(1);
		// found once: a second run does not raise it again
		long raised = events.stream(LedgerTampered.class).filter(e -> e.communityId().equals(cid)).count();
		this.ledger.verify(cid);
		assertThat(events.stream(LedgerTampered.class).filter(e -> e.communityId().equals(cid)).count())
			.isEqualTo(raised);

		// the offline verifier sees the change too, without the server
		String entriesJson = this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries?start=0&end=300", cid))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("entries.json"), entriesJson);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = OfflineVerifier.run(new String[] { "verify-ledger", "--tree-head", dir.resolve("head.json").toString(),
				"--entries", dir.resolve("entries.json").toString() }, new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK   SM2 signature").contains("FAIL root");
	}

	@Test
	void theOfflineVerifierAcceptsAnUntouchedDownloadAndRefusesAnotherKey(@TempDir Path dir) throws Exception {
		UUID cid = UUID.randomUUID();
		appendMany(cid, 40, 13);
		this.transactions.executeWithoutResult(status -> this.ledger.publishTreeHead(cid));
		Files.writeString(dir.resolve("head.json"), this.mvc.perform(get("/api/v1/public/ledgers/{cid}/tree-head", cid))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		Files.writeString(dir.resolve("a.json"), this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries?start=0&end=25", cid))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		Files.writeString(dir.resolve("b.json"), this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries?start=25&end=40", cid))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String[] args = { "verify-ledger", "--tree-head", dir.resolve("head.json").toString(), "--entries",
				dir.resolve("a.json").toString(), "--entries", dir.resolve("b.json").toString() };
		assertThat(OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("The log matches");
		String[] pinned = java.util.Arrays.copyOf(args, args.length + 2);
		pinned[args.length] = "--public-key";
		pinned[args.length + 1] = org.linli.ledger.domain.SigningKey
			.generate(org.linli.ledger.domain.TreeHeadSignature.SM2).publicKeyBase64();
		assertThat(OfflineVerifier.run(pinned, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.isEqualTo(1);
	}

	@Test
	void staffVerifyOnDemandWithinTheirCommunityOnly() throws Exception {
		String cid = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/ledger/verification", cid), Api.token(this.mvc, "auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/ledger/verification", UUID.randomUUID()),
				Api.token(this.mvc, "auditor")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/ledger/verification", cid), Api.token(this.mvc, "resident")))
			.andExpect(status().isForbidden());
	}

}
