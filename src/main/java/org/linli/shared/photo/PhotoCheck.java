package org.linli.shared.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.linli.shared.web.DomainException;

/**
 * Judges uploaded photos the same way in every module: the type from the first bytes, never from the name or the
 * declared type (only JPEG, PNG and WebP are taken), a size cap per photo and a cap per record. Errors are field
 * errors on {@code photos} with codes {@code <prefix>.tooMany} (argument: the cap), {@code <prefix>.tooLarge}
 * (argument: the cap in MB) and {@code <prefix>.type}, so each module keeps its own translated messages.
 */
public final class PhotoCheck {

	private PhotoCheck() {
	}

	/** The image type the bytes are, or null when they are none of the accepted ones. */
	public static String sniff(byte[] data) {
		if (data == null || data.length < 12) {
			return null;
		}
		if ((data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		if (Arrays.equals(Arrays.copyOf(data, 8), png)) {
			return "image/png";
		}
		if (data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W' && data[9] == 'E'
				&& data[10] == 'B' && data[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	/**
	 * Checks the photos (empty ones are dropped, as a form's unused file inputs are) against the number the record
	 * may still take and returns the ones to store.
	 */
	public static List<byte[]> check(List<byte[]> photos, int alreadyStored, int maxPhotos, int maxBytes,
			String codePrefix) {
		List<byte[]> kept = photos == null ? List.of()
				: photos.stream().filter(p -> p != null && p.length > 0).toList();
		if (alreadyStored + kept.size() > maxPhotos) {
			throw DomainException.invalid("photos", codePrefix + ".tooMany", maxPhotos);
		}
		for (byte[] photo : kept) {
			if (photo.length > maxBytes) {
				throw DomainException.invalid("photos", codePrefix + ".tooLarge", maxBytes / (1024 * 1024));
			}
			if (sniff(photo) == null) {
				throw DomainException.invalid("photos", codePrefix + ".type");
			}
		}
		return kept;
	}

	/** The SHA-256 of the bytes in lower-case hex (stored beside a photo to prove it unchanged). */
	public static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
