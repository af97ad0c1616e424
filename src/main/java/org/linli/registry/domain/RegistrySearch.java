package org.linli.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linli.shared.person.BuildingName;
import org.linli.shared.person.MobileNumber;
import org.linli.shared.person.TextNormaliser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One search box for staff: a room ("1-1-101", "1号楼1单元101"), an exact ID or mobile number (through the blind
 * index, never a scan of clear values) or the beginning of a name.
 */
@Service
public class RegistrySearch {

	public record Hit(UUID roomId, UUID personId, String label) {
	}

	private static final Pattern ROOM = Pattern
		.compile("^(.+?)(?:号楼|栋|幢|#|号)?\\s*[-－]?\\s*(\\d+)\\s*(?:单元)?\\s*[-－]?\\s*(\\d+)\\s*室?$");

	private static final int LIMIT = 50;

	private final JdbcClient jdbc;

	private final PersonService persons;

	RegistrySearch(JdbcClient jdbc, PersonService persons) {
		this.jdbc = jdbc;
		this.persons = persons;
	}

	public List<Hit> search(UUID communityId, String rawQuery) {
		String query = TextNormaliser.normalise(rawQuery);
		if (query == null || query.isBlank()) {
			return List.of();
		}
		List<Hit> hits = new ArrayList<>(rooms(communityId, query));
		Set<UUID> personIds = new LinkedHashSet<>();
		if (query.length() <= 30) {
			personIds.addAll(this.persons.findByDocumentNumber(communityId, query));
		}
		MobileNumber.parse(query).toOptional()
			.ifPresent(phone -> personIds.addAll(this.persons.findByPhone(communityId, phone.value())));
		if (personIds.isEmpty() && query.length() <= 20) {
			personIds.addAll(this.jdbc.sql("""
					select id from registry.person where community_id = :c and name like :prefix escape '\\'
					 order by name limit :limit
					""").param("c", communityId).param("prefix", escapeLike(query) + "%").param("limit", LIMIT)
				.query(UUID.class).list());
		}
		for (UUID personId : personIds) {
			hits.add(new Hit(roomOf(communityId, personId), personId, null));
		}
		return hits;
	}

	private List<Hit> rooms(UUID communityId, String query) {
		Matcher matcher = ROOM.matcher(query.replace(" ", ""));
		if (!matcher.matches()) {
			return List.of();
		}
		String given = matcher.group(1);
		String building = BuildingName.canonical(given.matches("[0-9一二三四五六七八九十两]+") ? given + "号楼" : given);
		return this.jdbc.sql("""
				select r.id from registry.room r join registry.building b
				    on b.id = r.building_id and b.community_id = r.community_id
				 where r.community_id = :c and b.name = :b and r.unit = :u and r.number = :n
				""").param("c", communityId).param("b", building).param("u", matcher.group(2))
			.param("n", matcher.group(3)).query(UUID.class).list().stream()
			.map(id -> new Hit(id, null, null)).toList();
	}

	private UUID roomOf(UUID communityId, UUID personId) {
		return this.jdbc.sql("""
				select h.room_id from registry.person p join registry.household h
				    on h.id = p.household_id and h.community_id = p.community_id
				 where p.community_id = :c and p.id = :p
				""").param("c", communityId).param("p", personId).query(UUID.class).optional().orElse(null);
	}

	/** Escapes LIKE wildcards so user text matches literally (the queries declare {@code escape '\\'}). */
	static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
