package org.linli.ledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.linli.ledger.domain.HashAlgorithm;
import org.linli.ledger.domain.Merkle;
import org.linli.ledger.domain.SigningKey;
import org.linli.ledger.domain.TreeHeadSignature;

/**
 * Checks a downloaded log against a downloaded tree head without the server: the head's signature, then the root
 * recomputed from the payloads themselves (leaf = H(0x00 || payload), RFC 6962). Runs from the application jar:
 * {@code java -jar linli.jar verify-ledger --tree-head head.json --entries entries.json [--entries more.json]
 * [--public-key BASE64]}. Exit status 0 when the log matches, 1 when it does not, 2 on bad input.
 */
public final class OfflineVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OfflineVerifier() {
	}

	/** The outcome, with the lines to print. */
	public record Outcome(boolean intact, List<String> report) {
	}

	public static int run(String[] args, PrintStream out) {
		Path head = null;
		List<Path> entries = new ArrayList<>();
		String pinnedKey = null;
		for (int i = 1; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--tree-head" -> head = value == null ? null : Path.of(value);
				case "--entries" -> {
					if (value != null) {
						entries.add(Path.of(value));
					}
				}
				case "--public-key" -> pinnedKey = value;
				default -> {
					out.println("unknown option: " + args[i]);
					return usage(out);
				}
			}
			i++;
		}
		if (head == null || entries.isEmpty()) {
			return usage(out);
		}
		try {
			List<String> payloads = new ArrayList<>();
			for (Path file : entries) {
				for (JsonNode entry : JSON.readTree(Files.readString(file))) {
					if (entry.get("index").asLong() != payloads.size()) {
						out.println("FAIL entries are not consecutive from 0: expected index " + payloads.size()
								+ ", found " + entry.get("index").asLong());
						return 1;
					}
					payloads.add(entry.get("payload").asString());
				}
			}
			Outcome outcome = verify(JSON.readTree(Files.readString(head)), payloads, pinnedKey);
			outcome.report().forEach(out::println);
			return outcome.intact() ? 0 : 1;
		}
		catch (IOException | RuntimeException ex) {
			out.println("cannot read the input: " + ex.getMessage());
			return 2;
		}
	}

	/** Verifies the head's signature and that the first treeSize payloads give its root. */
	public static Outcome verify(JsonNode head, List<String> payloads, String pinnedKey) {
		List<String> report = new ArrayList<>();
		long treeSize = head.get("treeSize").asLong();
		String rootHash = head.get("rootHash").asString();
		String algorithm = head.get("algorithm").asString();
		String timestamp = head.get("timestamp").asString();
		String publicKey = head.get("publicKey").asString();
		String communityId = head.get("communityId").asString();
		JsonNode signatureAlgorithm = head.get("signatureAlgorithm");
		TreeHeadSignature kind = TreeHeadSignature
			.ofLabel(signatureAlgorithm == null ? "SM2" : signatureAlgorithm.asString());
		boolean intact = true;
		if (pinnedKey != null && !pinnedKey.trim().equals(publicKey)) {
			report.add("FAIL the tree head is signed by another key than the one given with --public-key");
			intact = false;
		}
		byte[] signed = TreeHeadSignature.signedText(algorithm, communityId, rootHash, timestamp, treeSize);
		if (kind.verify(publicKey, signed, head.get("signature").asString())) {
			report.add("OK   " + kind.label() + " signature of the tree head (" + treeSize + " entries, " + timestamp
					+ ")");
		}
		else {
			report.add("FAIL the tree head's signature does not verify");
			intact = false;
		}
		if (payloads.size() < treeSize) {
			report.add("FAIL the tree head covers " + treeSize + " entries, the download has " + payloads.size());
			return new Outcome(false, report);
		}
		Merkle merkle = new Merkle(HashAlgorithm.ofLabel(algorithm));
		Merkle.Frontier frontier = merkle.frontier();
		for (int i = 0; i < treeSize; i++) {
			frontier.add(merkle.leafHash(payloads.get(i)), null);
		}
		String computed = Merkle.hex(frontier.root());
		if (computed.equals(rootHash)) {
			report.add("OK   " + algorithm + " root recomputed from " + treeSize + " payloads: " + computed);
		}
		else {
			report.add("FAIL root recomputed from the payloads is " + computed + ", the tree head says " + rootHash);
			intact = false;
		}
		report.add(intact ? "The log matches the signed tree head." : "The log does NOT match the signed tree head.");
		return new Outcome(intact, report);
	}

	/** {@code ledger-key [SM2|Ed25519]}: prints a new signing key for LINLI_LEDGER_KEY. */
	public static int generateKey(String[] args, PrintStream out) {
		TreeHeadSignature kind = TreeHeadSignature.ofLabel(args.length > 1 ? args[1] : "SM2");
		out.println(SigningKey.generate(kind).text());
		return 0;
	}

	private static int usage(PrintStream out) {
		out.println("usage: java -jar linli.jar verify-ledger --tree-head head.json --entries entries.json "
				+ "[--entries more.json ...] [--public-key BASE64]");
		return 2;
	}

}
