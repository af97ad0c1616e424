package org.linli.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signs and checks tree heads: SM2 (GB/T 32918, SM3withSM2 with the default user id) or Ed25519. The signed text is
 * the canonical JSON of {algorithm, communityId, rootHash, timestamp, treeSize}; public keys travel as base64
 * X.509 SubjectPublicKeyInfo, signatures as base64 (SM2: DER of r and s; Ed25519: the 64 raw bytes).
 */
public enum TreeHeadSignature {

	SM2, ED25519;

	private static final Provider BC = new BouncyCastleProvider();

	public String label() {
		return this == SM2 ? "SM2" : "Ed25519";
	}

	public static TreeHeadSignature ofLabel(String label) {
		for (TreeHeadSignature kind : values()) {
			if (kind.name().equalsIgnoreCase(label) || kind.label().equalsIgnoreCase(label)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown signature algorithm: " + label);
	}

	/** The exact bytes that are signed. */
	public static byte[] signedText(String algorithm, String communityId, String rootHash, String timestamp,
			long treeSize) {
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("algorithm", algorithm);
		head.put("communityId", communityId);
		head.put("rootHash", rootHash);
		head.put("timestamp", timestamp);
		head.put("treeSize", treeSize);
		return CanonicalJson.write(head).getBytes(StandardCharsets.UTF_8);
	}

	public KeyPair generate() {
		try {
			if (this == SM2) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
				generator.initialize(new ECGenParameterSpec("sm2p256v1"));
				return generator.generateKeyPair();
			}
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public byte[] sign(PrivateKey key, byte[] text) {
		try {
			Signature signature = signature();
			signature.initSign(key);
			signature.update(text);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean verify(PublicKey key, byte[] text, byte[] signatureBytes) {
		try {
			Signature signature = signature();
			signature.initVerify(key);
			signature.update(text);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	public boolean verify(String publicKeyBase64, byte[] text, String signatureBase64) {
		try {
			return verify(publicKey(publicKeyBase64), text, Base64.getDecoder().decode(signatureBase64));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public PublicKey publicKey(String base64) {
		try {
			return keyFactory().generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a " + label() + " public key", ex);
		}
	}

	public PrivateKey privateKey(String base64) {
		try {
			return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a " + label() + " private key", ex);
		}
	}

	private Signature signature() throws GeneralSecurityException {
		return this == SM2 ? Signature.getInstance("SM3withSM2", BC) : Signature.getInstance("Ed25519");
	}

	private KeyFactory keyFactory() throws GeneralSecurityException {
		return this == SM2 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("Ed25519");
	}

}
