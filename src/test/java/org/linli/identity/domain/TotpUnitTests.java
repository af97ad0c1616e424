package org.linli.identity.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpUnitTests {

	/** The SHA-1 secret of RFC 6238 Appendix B, "12345678901234567890". */
	private static final String RFC_SECRET = new Base32()
		.encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		// RFC 6238 Appendix B gives 8 digits; the last 6 are the 6-digit code
		assertThat(Totp.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
	}

	@Test
	void acceptsOneStepOfDriftAndNoMore() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = Totp.stepAt(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void newSecretsAreRandomAndTheUriNamesIssuerAndAccount() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(Totp.uri("Linli", "manager", secret))
			.startsWith("otpauth://totp/Linli:manager?secret=" + secret)
			.contains("issuer=Linli");
	}

}
