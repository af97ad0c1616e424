package org.linli.governance.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a vote's frozen roll: whole (API), a page at a time (pages), or the entry of one owner person. Every read
 * expands the roll's document into its entries first if the opening's expansion has not finished yet (RollExpansion),
 * so none sees a partial roll.
 */
@Service
public class RollQueries {

	private static final String COLUMNS = """
			id, position, kind, room_ids, rooms_label, person_ids, owner_names, designated_person_id, area, area_sources
			""";

	private static final String JOINED_COLUMNS = COLUMNS.strip().replaceAll("(\\w+)", "v.$1");

	private final JdbcClient jdbc;

	private final RollExpansion expansion;

	RollQueries(JdbcClient jdbc, RollExpansion expansion) {
		this.jdbc = jdbc;
		this.expansion = expansion;
	}

	@Transactional
	public List<RollEntry> all(Vote vote) {
		this.expansion.ensure(vote);
		return this.jdbc.sql("select " + COLUMNS + " from governance.voter where community_id = :c and vote_id = :v "
				+ "order by position")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.query(RollQueries::entry)
			.list();
	}

	/** A page of the roll, optionally only entries whose rooms or owners contain the text. */
	@Transactional
	public List<RollEntry> page(Vote vote, String text, int page, int size) {
		this.expansion.ensure(vote);
		String filter = text == null || text.isBlank() ? ""
				: " and (rooms_label like :text or owner_names like :text)";
		var spec = this.jdbc.sql("select " + COLUMNS + " from governance.voter where community_id = :c and vote_id = :v"
				+ filter + " order by position limit :size offset :offset")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("size", size)
			.param("offset", (long) page * size);
		if (!filter.isEmpty()) {
			spec = spec.param("text", "%" + text.strip().replace("%", "").replace("_", "") + "%");
		}
		return spec.query(RollQueries::entry).list();
	}

	/**
	 * The entry a person is an owner in (designated or not): through the person index filled after the opening, or,
	 * until it is filled, a scan of the vote's roll.
	 */
	@Transactional
	public Optional<RollEntry> ofPerson(Vote vote, UUID personId) {
		this.expansion.ensure(vote);
		if (personId == null) {
			return Optional.empty();
		}
		Optional<RollEntry> indexed = this.jdbc.sql("select " + JOINED_COLUMNS + " from governance.voter_person p "
				+ "join governance.voter v on v.community_id = p.community_id and v.vote_id = p.vote_id "
				+ "and v.id = p.voter_id "
				+ "where p.community_id = :c and p.vote_id = :v and p.person_id = :p")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("p", personId)
			.query(RollQueries::entry)
			.optional();
		if (indexed.isPresent() || personsIndexed(vote)) {
			return indexed;
		}
		return this.jdbc.sql("select " + COLUMNS + " from governance.voter "
				+ "where community_id = :c and vote_id = :v and :p = any(person_ids)")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("p", personId)
			.query(RollQueries::entry)
			.optional();
	}

	private boolean personsIndexed(Vote vote) {
		return this.jdbc.sql("select persons_indexed from governance.vote where id = :v")
			.param("v", vote.id())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	public Optional<RollEntry> entry(Vote vote, UUID voterId) {
		this.expansion.ensure(vote);
		return this.jdbc.sql("select " + COLUMNS + " from governance.voter "
				+ "where community_id = :c and vote_id = :v and id = :id")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("id", voterId)
			.query(RollQueries::entry)
			.optional();
	}

	/** The entry, its row locked until the transaction ends (designation changes; ballots lock it for share). */
	Optional<RollEntry> lockEntry(Vote vote, UUID voterId) {
		this.expansion.ensure(vote);
		return this.jdbc.sql("select " + COLUMNS + " from governance.voter "
				+ "where community_id = :c and vote_id = :v and id = :id for update")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("id", voterId)
			.query(RollQueries::entry)
			.optional();
	}

	/** The entry with the given position number (as printed on the roll and on paper ballots). */
	@Transactional
	public Optional<RollEntry> atPosition(Vote vote, int position) {
		this.expansion.ensure(vote);
		return this.jdbc.sql("select " + COLUMNS + " from governance.voter "
				+ "where community_id = :c and vote_id = :v and position = :p")
			.param("c", vote.communityId())
			.param("v", vote.id())
			.param("p", position)
			.query(RollQueries::entry)
			.optional();
	}

	@Transactional
	public long count(Vote vote, String text) {
		this.expansion.ensure(vote);
		String filter = text == null || text.isBlank() ? ""
				: " and (rooms_label like :text or owner_names like :text)";
		var spec = this.jdbc.sql("select count(*) from governance.voter where community_id = :c and vote_id = :v" + filter)
			.param("c", vote.communityId())
			.param("v", vote.id());
		if (!filter.isEmpty()) {
			spec = spec.param("text", "%" + text.strip().replace("%", "").replace("_", "") + "%");
		}
		return spec.query(Long.class).single();
	}

	static RollEntry entry(ResultSet rs, int row) throws SQLException {
		return new RollEntry(rs.getObject("id", UUID.class), rs.getInt("position"),
				RollEntry.Kind.valueOf(rs.getString("kind")), uuids(rs.getArray("room_ids")), rs.getString("rooms_label"),
				uuids(rs.getArray("person_ids")), rs.getString("owner_names"),
				rs.getObject("designated_person_id", UUID.class), rs.getBigDecimal("area"), rs.getString("area_sources"));
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add((UUID) id);
		}
		return ids;
	}

}
