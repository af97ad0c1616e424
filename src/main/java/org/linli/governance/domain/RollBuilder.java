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
		Map<UUID, Integer> firstRoomOfPerson = HashMap.newHashMap(n + n / 8);
		for (int i = 0; i < n; i++) {
			for (UUID person : parts.get(i).ownerIds()) {
				Integer first = firstRoomOfPerson.putIfAbsent(person, i);
				if (first != null) {
					union(parent, first, i);
				}
			}
		}
		// a group's root is its first room (union keeps the smaller index), so the roots in ascending order list the
		// groups in building order; each group's rooms are chained in ascending order (head, next, tail by room)
		int[] next = new int[n];
		int[] tail = new int[n];
		int developerHead = -1;
		int developerTail = -1;
		int groups = 0;
		for (int i = 0; i < n; i++) {
			next[i] = -1;
			if (parts.get(i).ownerIds().isEmpty()) {
				if (developerHead < 0) {
					developerHead = i;
				}
				else {
					next[developerTail] = i;
				}
				developerTail = i;
				continue;
			}
			int root = find(parent, i);
			if (root == i) {
				tail[i] = i;
				groups++;
			}
			else {
				next[tail[root]] = i;
				tail[root] = i;
			}
		}
		List<RollEntry> roll = new ArrayList<>(groups + 1);
		for (int i = 0; i < n; i++) {
			if (parent[i] == i && !parts.get(i).ownerIds().isEmpty()) {
				roll.add(entry(parts, i, next, RollEntry.Kind.OWNER, roll.size() + 1, ids.get()));
			}
		}
		if (developerHead >= 0) {
			roll.add(entry(parts, developerHead, next, RollEntry.Kind.DEVELOPER, roll.size() + 1, ids.get()));
		}
		return roll;
	}

	private static RollEntry entry(List<ExclusivePart> parts, int first, int[] next, RollEntry.Kind kind, int position,
			UUID id) {
		ExclusivePart single = parts.get(first);
		if (next[first] < 0 && single.ownerIds().size() <= 1) {
			// most entries: one room, at most one owner
			List<UUID> personIds = single.ownerIds();
			return new RollEntry(id, position, kind, List.of(single.roomId()), label(new StringBuilder(), single).toString(),
					personIds, personIds.isEmpty() ? "" : name(single, 0), personIds.isEmpty() ? null : personIds.getFirst(),
					single.area(), single.areaSource().name());
		}
		List<UUID> roomIds = new ArrayList<>();
		Map<UUID, String> persons = new LinkedHashMap<>();
		Set<String> sources = new TreeSet<>();
		StringBuilder label = new StringBuilder();
		BigDecimal area = BigDecimal.ZERO;
		for (int index = first; index >= 0; index = next[index]) {
			ExclusivePart part = parts.get(index);
			roomIds.add(part.roomId());
			for (int k = 0; k < part.ownerIds().size(); k++) {
				persons.putIfAbsent(part.ownerIds().get(k), name(part, k));
			}
			sources.add(part.areaSource().name());
			area = area.add(part.area());
			if (!label.isEmpty()) {
				label.append("; ");
			}
			label(label, part);
		}
		List<UUID> personIds = List.copyOf(persons.keySet());
		String names = String.join("、", new LinkedHashSet<>(persons.values()));
		return new RollEntry(id, position, kind, roomIds, label.toString(), personIds, names,
				personIds.isEmpty() ? null : personIds.getFirst(), area, String.join(",", sources));
	}

	private static StringBuilder label(StringBuilder label, ExclusivePart part) {
		return label.append(part.building()).append(' ').append(part.unit()).append('-').append(part.number());
	}

	private static String name(ExclusivePart part, int k) {
		return k < part.ownerNames().size() ? part.ownerNames().get(k) : "";
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
