package org.linli.ledger.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tree-head signatures (SM2 and Ed25519) round trip through the key's text form; a changed head fails. */
class SignatureUnitTests {

	@Test
	void signaturesRoundTripThroughTheKeyTextAndRejectAnyChange() {
		for (TreeHeadSignature kind : TreeHeadSignature.values()) {
			SigningKey key = SigningKey.parse(SigningKey.generate(kind).text());
			byte[] text = TreeHeadSignature.signedText("SM3", "c1", "ab".repeat(32), "2026-01-01T08:00:00+08:00", 7);
			String signature = key.sign(text);
			assertThat(kind.verify(key.publicKeyBase64(), text, signature)).as(kind.label()).isTrue();
			byte[] changed = TreeHeadSignature.signedText("SM3", "c1", "ab".repeat(32), "2026-01-01T08:00:00+08:00",
					8);
			assertThat(kind.verify(key.publicKeyBase64(), changed, signature)).isFalse();
			String otherKey = SigningKey.generate(kind).publicKeyBase64();
			assertThat(kind.verify(otherKey, text, signature)).isFalse();
			assertThat(kind.verify(key.publicKeyBase64(), text, "bm90IGEgc2lnbmF0dXJl")).isFalse();
		}
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.parse("SM2:abc"));
	}

	@Test
	void theSignedTextIsCanonicalJson() {
		assertThat(new String(TreeHeadSignature.signedText("SHA-256", "c", "00", "t", 3)))
			.isEqualTo("{\"algorithm\":\"SHA-256\",\"communityId\":\"c\",\"rootHash\":\"00\",\"timestamp\":\"t\","
					+ "\"treeSize\":3}");
	}

	@Test
	void canonicalJsonSortsKeysEscapesMinimallyAndRefusesDoubles() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("z", List.of(1, "二", true));
		data.put("a", null);
		data.put("m", Map.of("y", 2L, "b", "line\n\"q\"\u0001"));
		assertThat(CanonicalJson.write(data))
			.isEqualTo("{\"a\":null,\"m\":{\"b\":\"line\\n\\\"q\\\"\\u0001\",\"y\":2},\"z\":[1,\"二\",true]}");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5d)));
	}

}
