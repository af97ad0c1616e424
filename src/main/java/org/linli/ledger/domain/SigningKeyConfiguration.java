package org.linli.ledger.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.linli.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The tree-head signing key lives outside the database, as the field key does: LINLI_LEDGER_KEY
 * ({@code linli.ledger.signing-key}) or a key file. Demo mode generates a key file beside the data; outside demo mode
 * a missing key stops the start. Generate one with {@code java -jar linli.jar ledger-key SM2}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSettings.class)
class SigningKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

	@Bean
	SigningKey ledgerSigningKey(@Value("${linli.ledger.signing-key:${LINLI_LEDGER_KEY:}}") String key,
			@Value("${linli.ledger.signing-key-file:${LINLI_DATA_DIR:./data}/keys/ledger-signing.key}") Path keyFile,
			@Value("${linli.ledger.signature-algorithm:SM2}") String algorithm, DemoMode demoMode) {
		if (StringUtils.hasText(key)) {
			return SigningKey.parse(key);
		}
		try {
			if (Files.exists(keyFile)) {
				return SigningKey.parse(Files.readString(keyFile));
			}
			if (!demoMode.enabled()) {
				throw new IllegalStateException("No ledger signing key: set LINLI_LEDGER_KEY (make one with "
						+ "`java -jar linli.jar ledger-key SM2`) or linli.ledger.signing-key-file outside demo mode");
			}
			SigningKey generated = SigningKey.generate(TreeHeadSignature.ofLabel(algorithm));
			Files.createDirectories(keyFile.getParent());
			Files.writeString(keyFile, generated.text());
			if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
			}
			log.warn("Demo mode: generated a ledger signing key ({}) in {}", generated.kind().label(),
					keyFile.toAbsolutePath());
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
