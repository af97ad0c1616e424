package org.linli.governance.domain;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.ExclusivePart;

import static org.assertj.core.api.Assertions.assertThat;

/** The headcount rules of DOMAIN.md §3 on fixed cases, then as properties over seeded random compounds. */
class RollBuilderUnitTests {

	static IntStream seeds() {
		return IntStream.rangeClosed(1, 300);
	}

	@Test
	void multiRoomCoOwnedAndDeveloperRoomsCountAsTheLawSays() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		List<ExclusivePart> parts = List.of(part("101", "90.00", false, a), part("102", "60.50", false, a),
				part("201", "80.00", false, b, c), part("202", "70.00", false, c),
				part("301", "100.00", true), part("302", "55.25", false), part("401", "88.00", false, UUID.randomUUID()));
		List<RollEntry> roll = RollBuilder.build(parts, UUID::randomUUID);
		assertThat(roll).hasSize(4);
		assertThat(roll.get(0).roomsLabel()).isEqualTo("1号楼 1-101; 1号楼 1-102");
		assertThat(roll.get(0).area()).isEqualByComparingTo("150.50");
		// B and C co-own 201 and C alone owns 202: one owner, B (first recorded) designated
		assertThat(roll.get(1).personIds()).containsExactly(b, c);
		assertThat(roll.get(1).designated()).isEqualTo(b);
		assertThat(roll.get(1).roomIds()).hasSize(2);
		assertThat(roll.get(3).kind()).isEqualTo(RollEntry.Kind.DEVELOPER);
		assertThat(roll.get(3).area()).isEqualByComparingTo("155.25");
		assertThat(roll.get(3).designated()).isNull();
		assertThat(roll).extracting(RollEntry::position).containsExactly(1, 2, 3, 4);
	}

	/**
	 * Property: for any mix of single, multi-room, co-owned, developer-held and unowned rooms, the roll has one entry
	 * per group of rooms connected by a shared owner (found here by a breadth-first search, independently of the
	 * union-find) plus one for all developer and unowned rooms; every room and owner is in exactly one entry; the area
	 * is kept to the fen; and shuffling the rooms gives the same grouping.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void headcountRulesHoldForAnyMixOfRooms(int seed) {
		Random random = new Random(seed);
		List<UUID> people = new ArrayList<>();
		for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
			people.add(UUID.randomUUID());
		}
		List<ExclusivePart> parts = new ArrayList<>();
		for (int i = 0, n = random.nextInt(80); i < n; i++) {
			int kind = random.nextInt(10);
			String area = new BigDecimal(2000 + random.nextInt(20000)).movePointLeft(2).toPlainString();
			if (kind == 0) {
				parts.add(part("d" + i, area, true));
			}
			else if (kind == 1) {
				parts.add(part("n" + i, area, false));
			}
			else {
				Set<UUID> owners = new java.util.LinkedHashSet<>();
				for (int k = 0, m = kind == 2 ? 2 + random.nextInt(3) : 1; k < m; k++) {
					owners.add(people.get(random.nextInt(people.size())));
				}
				parts.add(part("r" + i, area, false, owners.toArray(UUID[]::new)));
			}
		}
		List<RollEntry> roll = RollBuilder.build(parts, UUID::randomUUID);

		boolean anyUnowned = parts.stream().anyMatch(p -> p.ownerIds().isEmpty());
		assertThat(roll).hasSize(components(parts) + (anyUnowned ? 1 : 0));
		assertThat(roll.stream().filter(e -> e.kind() == RollEntry.Kind.DEVELOPER).count()).isEqualTo(anyUnowned ? 1 : 0);
		List<UUID> rooms = roll.stream().flatMap(e -> e.roomIds().stream()).toList();
		assertThat(rooms).hasSize(parts.size()).containsExactlyInAnyOrderElementsOf(parts.stream().map(ExclusivePart::roomId).toList());
		List<UUID> owners = roll.stream().flatMap(e -> e.personIds().stream()).toList();
		assertThat(owners).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(parts.stream().flatMap(p -> p.ownerIds().stream()).distinct().toList());
		assertThat(roll.stream().map(RollEntry::area).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(parts.stream().map(ExclusivePart::area).reduce(BigDecimal.ZERO, BigDecimal::add));
		roll.stream().filter(e -> e.kind() == RollEntry.Kind.OWNER).forEach(e -> {
			assertThat(e.personIds()).isNotEmpty();
			assertThat(e.personIds()).contains(e.designated());
		});

		List<ExclusivePart> shuffled = new ArrayList<>(parts);
		Collections.shuffle(shuffled, random);
		assertThat(grouping(RollBuilder.build(shuffled, UUID::randomUUID))).isEqualTo(grouping(roll));
	}

	/** Connected groups of owned rooms, rooms linked when they share an owner: breadth-first search. */
	private static int components(List<ExclusivePart> parts) {
		Map<UUID, List<Integer>> roomsOf = new HashMap<>();
		for (int i = 0; i < parts.size(); i++) {
			for (UUID owner : parts.get(i).ownerIds()) {
				roomsOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(i);
			}
		}
		Set<Integer> seen = new HashSet<>();
		int groups = 0;
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i).ownerIds().isEmpty() || !seen.add(i)) {
				continue;
			}
			groups++;
			ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(i));
			while (!queue.isEmpty()) {
				for (UUID owner : parts.get(queue.poll()).ownerIds()) {
					for (int next : roomsOf.get(owner)) {
						if (seen.add(next)) {
							queue.add(next);
						}
					}
				}
			}
		}
		return groups;
	}

	private static Set<Set<UUID>> grouping(List<RollEntry> roll) {
		return roll.stream().map(e -> Set.copyOf(e.roomIds())).collect(Collectors.toSet());
	}

	private static ExclusivePart part(String number, String area, boolean developer, UUID... owners) {
		return new ExclusivePart(UUID.randomUUID(), "1号楼", "1", number, new BigDecimal(area), AreaSource.REGISTERED,
				developer, List.of(owners), java.util.Arrays.stream(owners).map(o -> "业主" + o.toString().substring(0, 4)).toList());
	}

}
