package org.linli.governance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.linli.registry.ExclusivePart;

/**
 * Builds the voter roll from the registry's exclusive parts (DOMAIN.md §3 headcount rules): rooms sharing any owner
 * person are one owner (several rooms of one owner, co-owners, and chains of both, found with a union-find over
 * persons); every developer-held room and every room without a recorded owner together are one owner. Tenants are
 * never owners, so they never appear. Linear in rooms and ownerships.
 */
public final class RollBuilder {

	private RollBuilder() {
	}

	public static List<RollEntry> build(List<ExclusivePart> parts, Supplier<UUID> ids) {
		int n = parts.size();
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		Map<UUID, Integer> firstRoomOfPerson = new HashMap<>();
		for (int i = 0; i < n; i++) {
			for (UUID person : parts.get(i).ownerIds()) {
				Integer first = firstRoomOfPerson.putIfAbsent(person, i);
				if (first != null) {
					union(parent, first, i);
				}
			}
		}
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		List<Integer> developer = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (parts.get(i).ownerIds().isEmpty()) {
				developer.add(i);
			}
			else {
				groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(i);
			}
		}
		List<RollEntry> roll = new ArrayList<>(groups.size() + 1);
		for (List<Integer> rooms : groups.values()) {
			roll.add(entry(parts, rooms, RollEntry.Kind.OWNER, roll.size() + 1, ids.get()));
		}
		if (!developer.isEmpty()) {
			roll.add(entry(parts, developer, RollEntry.Kind.DEVELOPER, roll.size() + 1, ids.get()));
		}
		return roll;
	}

	private static RollEntry entry(List<ExclusivePart> parts, List<Integer> rooms, RollEntry.Kind kind, int position,
			UUID id) {
		List<UUID> roomIds = new ArrayList<>(rooms.size());
		Map<UUID, String> persons = new LinkedHashMap<>();
		Set<String> sources = new TreeSet<>();
		StringBuilder label = new StringBuilder();
		BigDecimal area = BigDecimal.ZERO;
		for (int index : rooms) {
			ExclusivePart part = parts.get(index);
			roomIds.add(part.roomId());
			for (int k = 0; k < part.ownerIds().size(); k++) {
				persons.putIfAbsent(part.ownerIds().get(k), k < part.ownerNames().size() ? part.ownerNames().get(k) : "");
			}
			sources.add(part.areaSource().name());
			area = area.add(part.area());
			if (!label.isEmpty()) {
				label.append("; ");
			}
			label.append(part.building()).append(' ').append(part.unit()).append('-').append(part.number());
		}
		List<UUID> personIds = List.copyOf(persons.keySet());
		String names = String.join("、", new LinkedHashSet<>(persons.values()));
		return new RollEntry(id, position, kind, roomIds, label.toString(), personIds, names,
				personIds.isEmpty() ? null : personIds.getFirst(), area, String.join(",", sources));
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			// keep the earlier room as the root so groups list in building order
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}

}
