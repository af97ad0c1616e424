package org.linli.governance.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The binary COPY encoding of the roll's values, checked against PostgreSQL's documented wire formats. */
class BinaryCopyUnitTests {

	@ParameterizedTest
	@CsvSource({ "0.00, 0, 0, 2, ''", "0.50, 1, -1, 2, 5000", "123.45, 2, 0, 2, 123 4500", "12345.67, 3, 1, 2, 1 2345 6700",
			"100000000.00, 1, 2, 2, 1", "-80.05, 2, 0, 2, 80 500", "0.01, 1, -1, 2, 100", "10000.00, 1, 1, 2, 1" })
	void numericsAreBaseTenThousandGroupsAroundTheDecimalPoint(String value, int ndigits, int weight, int dscale,
			String groups) {
		short[] header = new short[4];
		List<Short> digits = BinaryCopy.numericDigits(new BigDecimal(value), header);
		assertThat(header[0]).isEqualTo((short) ndigits);
		assertThat(header[1]).isEqualTo((short) weight);
		assertThat(header[2]).isEqualTo((short) (value.startsWith("-") ? 0x4000 : 0));
		assertThat(header[3]).isEqualTo((short) dscale);
		assertThat(digits.stream().map(String::valueOf).toList())
			.isEqualTo(groups.isEmpty() ? List.of() : List.of(groups.split(" ")));
	}

	@Test
	void theArithmeticGroupsMatchTheTextGroupsForAnyScaleAndSign() {
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 20_000; i++) {
			long unscaled = random.nextLong() >> random.nextInt(64);
			BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(9) - 1);
			short[] header = new short[4];
			short[] groups = BinaryCopy.numericGroups(value, header);
			short[] expected = new short[4];
			List<Short> digits = BinaryCopy.numericDigits(value, expected);
			assertThat(header).as("header of %s", value).isEqualTo(expected);
			short[] expectedGroups = new short[digits.size()];
			for (int k = 0; k < expectedGroups.length; k++) {
				expectedGroups[k] = digits.get(k);
			}
			assertThat(java.util.Arrays.copyOf(groups, header[0])).as("groups of %s", value).isEqualTo(expectedGroups);
		}
	}

	@Test
	void aRowCarriesSignatureFieldCountLengthsAndTheTrailer() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		BinaryCopy copy = new BinaryCopy(bytes);
		UUID id = UUID.fromString("01234567-89ab-4def-8123-456789abcdef");
		copy.row(5).uuid(id).uuid(null).integer(7).uuids(List.of(id)).timestamp(Instant.parse("2000-01-01T00:00:01Z"));
		copy.finish();
		ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
		byte[] signature = new byte[11];
		in.get(signature);
		assertThat(new String(signature, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
		assertThat(in.getInt()).isZero();
		assertThat(in.getInt()).isZero();
		assertThat(in.getShort()).isEqualTo((short) 5);
		assertThat(in.getInt()).isEqualTo(16);
		assertThat(new UUID(in.getLong(), in.getLong())).isEqualTo(id);
		assertThat(in.getInt()).isEqualTo(-1);
		assertThat(in.getInt()).isEqualTo(4);
		assertThat(in.getInt()).isEqualTo(7);
		// uuid[]: one dimension, no nulls, element oid 2950, size 1 from 1, then the element
		assertThat(in.getInt()).isEqualTo(40);
		assertThat(in.getInt()).isEqualTo(1);
		assertThat(in.getInt()).isZero();
		assertThat(in.getInt()).isEqualTo(2950);
		assertThat(in.getInt()).isEqualTo(1);
		assertThat(in.getInt()).isEqualTo(1);
		assertThat(in.getInt()).isEqualTo(16);
		assertThat(new UUID(in.getLong(), in.getLong())).isEqualTo(id);
		// timestamptz: microseconds since 2000-01-01 UTC
		assertThat(in.getInt()).isEqualTo(8);
		assertThat(in.getLong()).isEqualTo(1_000_000L);
		assertThat(in.getShort()).isEqualTo((short) -1);
		assertThat(in.hasRemaining()).isFalse();
	}

	@Test
	void entryIdsAscendWithThePosition() {
		var ids = VoteService.inPositionOrder();
		UUID first = ids.get();
		UUID second = ids.get();
		assertThat(first.getMostSignificantBits()).isEqualTo(second.getMostSignificantBits());
		assertThat(second.getLeastSignificantBits() - first.getLeastSignificantBits()).isEqualTo(1);
		assertThat(first.getLeastSignificantBits() & 0xFFFF_FFFFL).isEqualTo(1);
		assertThat(first.variant()).isEqualTo(2);
	}

}
