package org.linli.access.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies QR tokens with Ed25519 (ADR 0014): {@code base64url(claims).base64url(signature)}, claims
 * {@code v1|kind|id|communityId|notBefore|notAfter} (epoch seconds). A door verifies offline with the public key
 * (docs/devices.md); the private key is kept sealed with the field key.
 */
@Component
public class QrSigner {

	/** What a valid token says. Kind P is a visitor pass, C a resident's QR credential. */
	public record Claims(String kind, UUID id, UUID communityId, Instant notBefore, Instant notAfter) {
	}

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder B64D = Base64.getUrlDecoder();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Clock clock;

	private volatile KeyPair keys;

	QrSigner(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	public String sign(Claims claims) {
		String body = "v1|" + claims.kind() + "|" + claims.id() + "|" + claims.communityId() + "|"
				+ claims.notBefore().getEpochSecond() + "|" + claims.notAfter().getEpochSecond();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(keys().getPrivate());
			signature.update(bytes);
			return B64.encodeToString(bytes) + "." + B64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The claims of a genuine token (its signature checks), whatever its time window; empty when forged. */
	public Optional<Claims> verify(String token) {
		if (token == null || token.length() > 400) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		try {
			byte[] body = B64D.decode(token.substring(0, dot));
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(keys().getPublic());
			signature.update(body);
			if (!signature.verify(B64D.decode(token.substring(dot + 1)))) {
				return Optional.empty();
			}
			String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
			if (parts.length != 6 || !"v1".equals(parts[0])) {
				return Optional.empty();
			}
			return Optional.of(new Claims(parts[1], UUID.fromString(parts[2]), UUID.fromString(parts[3]),
					Instant.ofEpochSecond(Long.parseLong(parts[4])), Instant.ofEpochSecond(Long.parseLong(parts[5]))));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The public key doors verify with (X.509, base64). */
	public String publicKey() {
		return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
	}

	private KeyPair keys() {
		KeyPair current = this.keys;
		if (current == null) {
			synchronized (this) {
				if (this.keys == null) {
					this.keys = loadOrCreate();
				}
				current = this.keys;
			}
		}
		return current;
	}

	private KeyPair loadOrCreate() {
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			Optional<String[]> stored = this.jdbc.sql("select public_key, private_key from access.signing_key where id = 1")
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
			if (stored.isEmpty()) {
				KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				this.jdbc.sql("""
						insert into access.signing_key (id, public_key, private_key, created_at) values (1, :pub, :priv, :at)
						on conflict (id) do nothing
						""").param("pub", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
					.param("priv", this.cipher.encrypt(Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded())))
					.param("at", Timestamp.from(this.clock.instant())).update();
				return loadOrCreate();
			}
			PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.get()[0])));
			PrivateKey privateKey = factory.generatePrivate(
					new PKCS8EncodedKeySpec(Base64.getDecoder().decode(this.cipher.decrypt(stored.get()[1]))));
			return new KeyPair(publicKey, privateKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
