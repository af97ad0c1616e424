package org.linli.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.linli.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The field key comes from LINLI_FIELD_KEY (base64 of 32 bytes) or a key file. Demo mode generates a key file beside
 * the data; outside demo mode a missing key stops the start, because a generated key would silently make encrypted
 * data unreadable after a redeploy.
 */
@Configuration(proxyBeanMethods = false)
class FieldKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FieldKeyConfiguration.class);

	@Bean
	FieldCipher fieldCipher(@Value("${linli.crypto.field-key:${LINLI_FIELD_KEY:}}") String key,
			@Value("${linli.crypto.field-key-file:${LINLI_DATA_DIR:./data}/keys/field.key}") Path keyFile,
			DemoMode demoMode) {
		if (StringUtils.hasText(key)) {
			return new FieldCipher(Base64.getDecoder().decode(key.trim()));
		}
		try {
			if (Files.exists(keyFile)) {
				return new FieldCipher(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
			}
			if (!demoMode.enabled()) {
				throw new IllegalStateException("No field encryption key: set LINLI_FIELD_KEY (base64 of 32 random "
						+ "bytes) or linli.crypto.field-key-file outside demo mode");
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			Files.createDirectories(keyFile.getParent());
			Files.writeString(keyFile, Base64.getEncoder().encodeToString(generated));
			// owner-only where the file system knows POSIX permissions (not on Windows)
			if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
			}
			log.warn("Demo mode: generated a field encryption key in {}", keyFile.toAbsolutePath());
			return new FieldCipher(generated);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
