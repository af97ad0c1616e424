package org.linli.shared.photo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.shared.web.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoCheckUnitTests {

	static byte[] jpeg(int size) {
		byte[] data = new byte[size];
		data[0] = (byte) 0xFF;
		data[1] = (byte) 0xD8;
		data[2] = (byte) 0xFF;
		return data;
	}

	@Test
	void theTypeComesFromTheBytesNotTheName() {
		assertThat(PhotoCheck.sniff(jpeg(12))).isEqualTo("image/jpeg");
		byte[] png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 16);
		assertThat(PhotoCheck.sniff(png)).isEqualTo("image/png");
		assertThat(PhotoCheck.sniff("RIFF0000WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/webp");
		assertThat(PhotoCheck.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(PhotoCheck.sniff(new byte[3])).isNull();
	}

	@Test
	void emptyInputsAreDroppedAndTheCapsAreTheCallersWithItsOwnMessageKeys() {
		assertThat(PhotoCheck.check(List.of(new byte[0], jpeg(20)), 0, 9, 100, "iot.alarm.photos")).hasSize(1);
		List<byte[]> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(jpeg(20));
		}
		assertThatThrownBy(() -> PhotoCheck.check(ten, 0, 9, 100, "iot.alarm.photos"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.field()).isEqualTo("photos");
				assertThat(ex.code()).isEqualTo("iot.alarm.photos.tooMany");
				assertThat(ex.args()).containsExactly(9);
			});
		assertThatThrownBy(() -> PhotoCheck.check(List.of(jpeg(20)), 9, 9, 100, "x"))
			.hasMessage("x.tooMany");
		assertThatThrownBy(() -> PhotoCheck.check(List.of(jpeg(3 * 1024 * 1024)), 0, 9, 2 * 1024 * 1024, "x"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("x.tooLarge");
				assertThat(ex.args()).containsExactly(2);
			});
		assertThatThrownBy(() -> PhotoCheck.check(List.of("GIF89a-not-taken".getBytes(StandardCharsets.US_ASCII)),
				0, 9, 100, "x"))
			.hasMessage("x.type");
	}

	@Test
	void sha256IsLowerCaseHex() {
		assertThat(PhotoCheck.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
