package org.linli.ledger.domain;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash of a log (GB/T 32905 SM3 by default, or SHA-256); chosen when the log starts and fixed for its life. */
public enum HashAlgorithm {

	SM3("SM3"), SHA_256("SHA-256");

	private final String label;

	HashAlgorithm(String label) {
		this.label = label;
	}

	/** The name used in tree heads and API.md: {@code SM3} or {@code SHA-256}. */
	public String label() {
		return this.label;
	}

	public static HashAlgorithm ofLabel(String label) {
		for (HashAlgorithm algorithm : values()) {
			if (algorithm.label.equalsIgnoreCase(label) || algorithm.name().equalsIgnoreCase(label)) {
				return algorithm;
			}
		}
		throw new IllegalArgumentException("unknown hash algorithm: " + label);
	}

	/** A fresh digest; digests are not thread-safe, so each computation takes its own. */
	public Digest newDigest() {
		return switch (this) {
			case SM3 -> new SM3Digest();
			case SHA_256 -> new SHA256Digest();
		};
	}

}
