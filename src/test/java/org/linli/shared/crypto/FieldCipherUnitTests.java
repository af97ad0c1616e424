package org.linli.shared.crypto;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FieldCipherUnitTests {

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Test
	void encryptsWithAFreshNonceAndDecryptsBack() {
		FieldCipher cipher = new FieldCipher(key());
		String a = cipher.encrypt("110105194912310021");
		String b = cipher.encrypt("110105194912310021");
		assertThat(a).isNotEqualTo(b).doesNotContain("110105");
		assertThat(cipher.decrypt(a)).isEqualTo("110105194912310021");
	}

	@Test
	void aTamperedValueOrAnotherKeyFailsInsteadOfReturningGarbage() {
		FieldCipher cipher = new FieldCipher(key());
		String sealed = cipher.encrypt("13800138000");
		char[] chars = sealed.toCharArray();
		chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(new String(chars)));
		assertThatIllegalStateException().isThrownBy(() -> new FieldCipher(key()).decrypt(sealed));
	}

	@Test
	void blindIndexesAreStablePerKeyAndDifferBetweenKeys() {
		byte[] key = key();
		assertThat(new FieldCipher(key).blindIndex("13800138000"))
			.isEqualTo(new FieldCipher(key).blindIndex("13800138000"))
			.isNotEqualTo(new FieldCipher(key()).blindIndex("13800138000"))
			.hasSize(64);
	}

	@Test
	void pooledCiphersServeConcurrentCallersAndSurviveAFailure() throws Exception {
		FieldCipher cipher = new FieldCipher(key());
		String sealed = cipher.encrypt("13800138000");
		char[] chars = sealed.toCharArray();
		chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(new String(chars)));
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Boolean> roundTrips = threads.invokeAll(IntStream.range(0, 200)
				.mapToObj(i -> (java.util.concurrent.Callable<Boolean>) () -> {
					String plain = "1380013" + String.format("%04d", i);
					return plain.equals(cipher.decrypt(cipher.encrypt(plain))) && "13800138000".equals(cipher.decrypt(sealed));
				})
				.toList()).stream().map(future -> future.resultNow()).toList();
			assertThat(roundTrips).hasSize(200).containsOnly(true);
		}
	}

}
