package org.linli.registry.domain;

import java.util.List;
import java.util.UUID;

import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.ChineseIdNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registry's data-quality report: what is missing, doubtful or duplicated, each with a count and a few rooms to
 * start from. ID numbers are checked again after decryption, since data from before validation may be wrong.
 */
@Service
public class DataQuality {

	/** One check: a message key, how many records fail it and up to {@value #EXAMPLES} rooms to look at. */
	public record Finding(String key, long count, List<RoomRef> examples) {
	}

	public record RoomRef(UUID roomId, String label) {
	}

	/** Two current records that may be one person (same name and birth date), for staff to compare and merge. */
	public record DuplicatePair(UUID firstId, UUID secondId, String name) {
	}

	static final int EXAMPLES = 10;

	private static final String ROOM_LABEL = "b.name || ' ' || r.unit || '-' || r.number";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	DataQuality(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public List<Finding> report(UUID communityId) {
		return List.of(
				rooms(communityId, "quality.areaNotRegistered", "r.area_source <> 'REGISTERED'"),
				rooms(communityId, "quality.noOwner", """
						not exists (select 1 from registry.ownership o where o.community_id = r.community_id
						             and o.room_id = r.id and o.until is null)"""),
				rooms(communityId, "quality.noResidents", """
						not exists (select 1 from registry.household h join registry.person p
						              on p.household_id = h.id and p.community_id = h.community_id
						             where h.community_id = r.community_id and h.room_id = r.id)"""),
				persons(communityId, "quality.noIdNumber", "p.id_number_enc is null"),
				persons(communityId, "quality.adultWithoutPhone",
						"p.phone_enc is null and p.birth_date <= current_date - interval '18 years'"),
				persons(communityId, "quality.possibleDuplicates", """
						exists (select 1 from registry.person q where q.community_id = p.community_id
						         and q.id <> p.id and q.name = p.name and q.birth_date = p.birth_date
						         and q.merged_into is null) and p.merged_into is null"""),
				invalidIdNumbers(communityId));
	}

	/** Up to {@code limit} pairs of possible duplicates, each pair once. */
	public List<DuplicatePair> duplicatePairs(UUID communityId, int limit) {
		return this.jdbc.sql("""
				select p.id as first, q.id as second, p.name from registry.person p
				  join registry.person q on q.community_id = p.community_id and q.name = p.name
				   and q.birth_date = p.birth_date and q.id > p.id and q.merged_into is null
				 where p.community_id = :c and p.merged_into is null order by p.name, p.id, q.id limit :limit
				""").param("c", communityId).param("limit", limit)
			.query((rs, n) -> new DuplicatePair(rs.getObject("first", UUID.class), rs.getObject("second", UUID.class),
					rs.getString("name")))
			.list();
	}

	private Finding rooms(UUID communityId, String key, String condition) {
		String from = " from registry.room r join registry.building b on b.id = r.building_id "
				+ "and b.community_id = r.community_id where r.community_id = :c and " + condition;
		long count = this.jdbc.sql("select count(*)" + from).param("c", communityId).query(Long.class).single();
		List<RoomRef> examples = this.jdbc.sql("select r.id, " + ROOM_LABEL + " as label" + from
				+ " order by b.sort_order, r.unit, r.number limit " + EXAMPLES)
			.param("c", communityId)
			.query((rs, n) -> new RoomRef(rs.getObject("id", UUID.class), rs.getString("label")))
			.list();
		return new Finding(key, count, examples);
	}

	private Finding persons(UUID communityId, String key, String condition) {
		String from = " from registry.person p left join registry.household h on h.id = p.household_id "
				+ "and h.community_id = p.community_id left join registry.room r on r.id = h.room_id "
				+ "and r.community_id = h.community_id left join registry.building b on b.id = r.building_id "
				+ "and b.community_id = r.community_id where p.community_id = :c and " + condition;
		long count = this.jdbc.sql("select count(*)" + from).param("c", communityId).query(Long.class).single();
		List<RoomRef> examples = this.jdbc.sql("select distinct r.id, " + ROOM_LABEL + " as label" + from
				+ " and r.id is not null order by label limit " + EXAMPLES)
			.param("c", communityId)
			.query((rs, n) -> new RoomRef(rs.getObject("id", UUID.class), rs.getString("label")))
			.list();
		return new Finding(key, count, examples);
	}

	private Finding invalidIdNumbers(UUID communityId) {
		var rows = this.jdbc.sql("""
				select r.id as room, b.name || ' ' || r.unit || '-' || r.number as label, p.id_number_enc
				  from registry.person p left join registry.household h on h.id = p.household_id
				       and h.community_id = p.community_id
				  left join registry.room r on r.id = h.room_id and r.community_id = h.community_id
				  left join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				 where p.community_id = :c and p.id_number_enc is not null
				""").param("c", communityId)
			.query((rs, n) -> new Object[] { rs.getObject("room", UUID.class), rs.getString("label"),
					rs.getString("id_number_enc") })
			.list();
		List<Object[]> invalid = rows.stream()
			.filter(row -> !ChineseIdNumber.parse(this.cipher.decrypt((String) row[2])).isValid())
			.toList();
		List<RoomRef> examples = invalid.stream()
			.filter(row -> row[0] != null)
			.limit(EXAMPLES)
			.map(row -> new RoomRef((UUID) row[0], (String) row[1]))
			.toList();
		return new Finding("quality.invalidIdNumber", invalid.size(), examples);
	}

}
