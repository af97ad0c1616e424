package org.linli.ledger.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ledger settings ({@code linli.ledger.*}): the hash of new logs, how often tree heads are published and the whole
 * log re-verified, and the largest page of entries one request may read.
 */
@ConfigurationProperties("linli.ledger")
public record LedgerSettings(String algorithm, Duration publishInterval, Duration verifyInterval, int maxPage) {

	public LedgerSettings {
		algorithm = algorithm == null ? "SM3" : algorithm;
		publishInterval = publishInterval == null ? Duration.ofHours(1) : publishInterval;
		verifyInterval = verifyInterval == null ? Duration.ofHours(6) : verifyInterval;
		maxPage = maxPage <= 0 ? 10_000 : maxPage;
	}

	public HashAlgorithm hashAlgorithm() {
		return HashAlgorithm.ofLabel(this.algorithm);
	}

}
