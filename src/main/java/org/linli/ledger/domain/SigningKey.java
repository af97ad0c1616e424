package org.linli.ledger.domain;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The key that signs tree heads. Its text form is {@code ALGORITHM:base64 PKCS#8 private key:base64 X.509 public
 * key}, as kept in the key file or in LINLI_LEDGER_KEY.
 */
public record SigningKey(TreeHeadSignature kind, PrivateKey privateKey, String publicKeyBase64) {

	public static SigningKey parse(String text) {
		String[] parts = text.trim().split(":");
		if (parts.length != 3) {
			throw new IllegalArgumentException("a ledger signing key reads ALGORITHM:private:public");
		}
		TreeHeadSignature kind = TreeHeadSignature.ofLabel(parts[0]);
		kind.publicKey(parts[2]); // fails early on a damaged key
		return new SigningKey(kind, kind.privateKey(parts[1]), parts[2].trim());
	}

	public static SigningKey generate(TreeHeadSignature kind) {
		KeyPair pair = kind.generate();
		return new SigningKey(kind, pair.getPrivate(),
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
	}

	public String text() {
		return this.kind.label() + ":" + Base64.getEncoder().encodeToString(this.privateKey.getEncoded()) + ":"
				+ this.publicKeyBase64;
	}

	public String sign(byte[] text) {
		return Base64.getEncoder().encodeToString(this.kind.sign(this.privateKey, text));
	}

	@Override
	public String toString() {
		return "SigningKey[" + this.kind.label() + "]";
	}

}
