package org.linli.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM and derives keyed blind indexes (HMAC-SHA256) for exact search.
 * The key lives outside the database (see {@link FieldKeyConfiguration}). Ciphertext format: base64(iv || ct+tag).
 */
public class FieldCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec indexKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Ciphers ready for reuse. A {@link Cipher} is not thread-safe, and a new one costs a provider look-up and the AES
	 * key schedule, which was most of the time of decrypting a list page's numbers; requests run on virtual threads,
	 * which are never reused, so a thread-local would never be hit: a small shared pool instead.
	 */
	private final BlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(32);

	public FieldCipher(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("The field key must be 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "encrypt"), "AES");
		this.indexKey = new SecretKeySpec(derive(masterKey, "blind-index"), "HmacSHA256");
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = cipher();
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			release(cipher);
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String encoded) {
		if (encoded == null) {
			return null;
		}
		try {
			byte[] in = Base64.getDecoder().decode(encoded);
			Cipher cipher = cipher();
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			release(cipher);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered value", ex);
		}
	}

	private Cipher cipher() throws GeneralSecurityException {
		Cipher cipher = this.ciphers.poll();
		return cipher != null ? cipher : Cipher.getInstance("AES/GCM/NoPadding");
	}

	/** Back to the pool after a completed operation only: a cipher that failed is dropped with its state. */
	private void release(Cipher cipher) {
		this.ciphers.offer(cipher);
	}

	/** Keyed hash of a normalised value, so equal values can be found without storing them in clear. */
	public String blindIndex(String normalised) {
		return hex(hmac(this.indexKey, normalised.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] derive(byte[] masterKey, String purpose) {
		return hmac(new SecretKeySpec(masterKey, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

}
