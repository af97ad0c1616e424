package org.linli.shared.crypto;

import java.security.SecureRandom;

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

}
