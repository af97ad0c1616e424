package org.linli.registry.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.linli.registry.AssetLabel;
import org.linli.registry.RoomLabel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rooms and assets as other modules refer to them: a resident's own rooms, a room or an asset by id or code. */
@Service
public class PlaceQueries {

	private static final String ROOM = """
			select r.id, r.community_id, b.name as building, r.unit, r.number
			  from registry.room r join registry.building b on b.id = r.building_id and b.community_id = r.community_id
			""";

	private static final String ASSET = "select id, community_id, code, type, name, location from registry.asset ";

	private final JdbcClient jdbc;

	PlaceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The room the person lives in and the rooms they own now, the lived-in one first. */
	@Transactional(readOnly = true)
	public List<RoomLabel> roomsOf(UUID personId) {
		return this.jdbc.sql(ROOM + """
				 where r.id in (select h.room_id from registry.person p
				                  join registry.household h on h.id = p.household_id and h.community_id = p.community_id
				                 where p.id = :p
				                union
				                select o.room_id from registry.ownership o
				                 where o.person_id = :p and o.owner_type = 'PERSON' and o.until is null)
				 order by (r.id = (select h.room_id from registry.person p
				                     join registry.household h on h.id = p.household_id where p.id = :p)) desc nulls last,
				          b.sort_order, b.name, r.unit, r.floor, r.number
				""").param("p", personId).query(PlaceQueries::room).list();
	}

	@Transactional(readOnly = true)
	public Optional<RoomLabel> room(UUID communityId, UUID roomId) {
		return this.jdbc.sql(ROOM + " where r.community_id = :c and r.id = :id")
			.param("c", communityId)
			.param("id", roomId)
			.query(PlaceQueries::room)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<RoomLabel> rooms(UUID communityId) {
		return this.jdbc.sql(ROOM + " where r.community_id = :c order by b.sort_order, b.name, r.unit, r.floor, r.number")
			.param("c", communityId)
			.query(PlaceQueries::room)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<AssetLabel> asset(UUID communityId, UUID assetId) {
		return this.jdbc.sql(ASSET + "where community_id = :c and id = :id")
			.param("c", communityId)
			.param("id", assetId)
			.query(PlaceQueries::asset)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<AssetLabel> assetByCode(String code) {
		return this.jdbc.sql(ASSET + "where code = :code")
			.param("code", code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
			.query(PlaceQueries::asset)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<AssetLabel> assets(UUID communityId) {
		return this.jdbc.sql(ASSET + "where community_id = :c and status <> 'RETIRED' order by type, name limit 1000")
			.param("c", communityId)
			.query(PlaceQueries::asset)
			.list();
	}

	private static RoomLabel room(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RoomLabel(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("building"), rs.getString("unit"), rs.getString("number"));
	}

	private static AssetLabel asset(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AssetLabel(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("code"), rs.getString("type"), rs.getString("name"), rs.getString("location"));
	}

}
