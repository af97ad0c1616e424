package org.linli.governance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.ExclusivePart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frozen roll's document reads back as exactly the roll that was written, entry by entry, and nothing else. */
class RollDocumentUnitTests {

	static IntStream seeds() {
		return IntStream.rangeClosed(1, 100);
	}

	/** Property: any roll the builder makes (random compounds as in RollBuilderUnitTests) round-trips exactly. */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anyRollReadsBackExactly(int seed) {
		Random random = new Random(seed);
		List<UUID> people = new ArrayList<>();
		for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
			people.add(new UUID(random.nextLong(), random.nextLong()));
		}
		List<ExclusivePart> parts = new ArrayList<>();
		for (int i = 0, n = random.nextInt(120); i < n; i++) {
			int kind = random.nextInt(10);
			BigDecimal area = BigDecimal.valueOf(random.nextLong(1, 100_000_000_000L), 2);
			List<UUID> owners = kind == 0 || kind == 1 ? List.of()
					: IntStream.range(0, kind == 2 ? 2 + random.nextInt(3) : 1)
						.mapToObj(k -> people.get(random.nextInt(people.size())))
						.distinct()
						.toList();
			parts.add(new ExclusivePart(new UUID(random.nextLong(), random.nextLong()), (1 + i % 7) + "号楼",
					"" + (1 + i % 3), "r" + i, area, AreaSource.values()[random.nextInt(3)], kind == 0, owners,
					owners.stream().map(o -> random.nextBoolean() ? "业主·" + o.toString().substring(0, 3) : "").toList()));
		}
		List<RollEntry> roll = RollBuilder.build(parts, VoteService.inPositionOrder());

		byte[] document = RollDocument.encode(roll);

		assertThat(RollDocument.decode(document)).containsExactlyElementsOf(roll);
		assertThat(RollDocument.decode(document)).extracting(RollEntry::area)
			.containsExactlyElementsOf(roll.stream().map(RollEntry::area).toList());
	}

	@Test
	void areasKeepTheirFenAndAnAreaFinerThanAFenIsRefusedNotRounded() {
		RollEntry entry = new RollEntry(UUID.randomUUID(), 1, RollEntry.Kind.OWNER, List.of(UUID.randomUUID()),
				"1号楼 1-101", List.of(UUID.randomUUID()), "张三", null, new BigDecimal("999999999999.99"), "REGISTERED");
		assertThat(RollDocument.decode(RollDocument.encode(List.of(entry)))).containsExactly(entry);
		RollEntry finer = new RollEntry(UUID.randomUUID(), 1, RollEntry.Kind.OWNER, List.of(), "", List.of(), "", null,
				new BigDecimal("10.005"), "SURVEYED");
		assertThatThrownBy(() -> RollDocument.encode(List.of(finer))).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void somethingElseOrTrailingBytesAreNotARoll() {
		byte[] empty = RollDocument.encode(List.of());
		assertThat(RollDocument.decode(empty)).isEmpty();
		byte[] longer = Arrays.copyOf(empty, empty.length + 1);
		assertThatThrownBy(() -> RollDocument.decode(longer)).isInstanceOf(IllegalArgumentException.class);
		byte[] other = empty.clone();
		other[0] = 'X';
		assertThatThrownBy(() -> RollDocument.decode(other)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theHashIsTheDocumentsSha256() {
		// SHA-256 of the empty string
		assertThat(java.util.HexFormat.of().formatHex(RollDocument.sha256(new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

}
