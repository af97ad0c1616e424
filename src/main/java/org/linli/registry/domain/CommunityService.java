package org.linli.registry.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.registry.CommunitySummary;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compounds and their counts. */
@Service
public class CommunityService {

	/** Counts come from registry.community_count, which triggers keep exact (V4). */
	private static final String SUMMARY = """
			select c.id, c.code, c.name, c.address, n.buildings, n.rooms, n.households, n.persons
			  from registry.community c
			  join registry.community_count n on n.community_id = c.id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	CommunityService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Summaries of the given communities, or of all when {@code ids} is null; one query, no transaction. */
	public List<CommunitySummary> summaries(Collection<UUID> ids) {
		if (ids != null && ids.isEmpty()) {
			return List.of();
		}
		var spec = ids == null ? this.jdbc.sql(SUMMARY + " order by c.code")
				: this.jdbc.sql(SUMMARY + " where c.id in (:ids) order by c.code").param("ids", ids);
		return spec.query((rs, n) -> new CommunitySummary(rs.getObject("id", UUID.class), rs.getString("code"),
				rs.getString("name"), rs.getString("address"), rs.getLong("buildings"), rs.getLong("rooms"),
				rs.getLong("households"), rs.getLong("persons")))
			.list();
	}

	/** One community's summary, or 404 for pages and the API alike. */
	public CommunitySummary summary(UUID id) {
		return summaries(List.of(id)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("community.notFound", id));
	}

	public Optional<UUID> idByCode(String code) {
		return this.jdbc.sql("select id from registry.community where code = :code")
			.param("code", code)
			.query(UUID.class)
			.optional();
	}

	@Transactional
	public UUID create(String code, String name, String address) {
		String cleanCode = code == null ? "" : code.trim();
		if (!cleanCode.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw DomainException.invalid("code", "community.code.invalid");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw DomainException.invalid("name", "community.name.invalid");
		}
		if (idByCode(cleanCode).isPresent()) {
			throw DomainException.conflict("community.code.taken", cleanCode);
		}
		UUID id = UUID.randomUUID();
		insert(id, cleanCode, name.trim(), address == null ? null : address.trim(), null);
		return id;
	}

	void insert(UUID id, String code, String name, String address, Integer builtYear) {
		this.jdbc.sql("""
				insert into registry.community (id, code, name, address, built_year, created_at)
				values (:id, :code, :name, :address, :builtYear, :now)
				""")
			.param("id", id)
			.param("code", code)
			.param("name", name)
			.param("address", address)
			.param("builtYear", builtYear)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
