package org.linli.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.linli.audit.AuditRecord;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail. Each event carries the hash of its predecessor, so editing or deleting a row in the
 * database breaks {@link #verify()}; the database itself refuses updates and deletes except the retention purge.
 */
@Service
public class AuditTrail {

	private static final int MAX_FIELD = 300;

	private final JdbcClient jdbc;

	private final AuditSettings settings;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, AuditSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** Appends in its own transaction, so the record stays even when the audited work rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void append(AuditRecord record) {
		appendAll(List.of(record));
	}

	/**
	 * Appends several records in one transaction of their own, chained in the given order: one lock of the chain's
	 * head and one commit for, say, a bill run of a hundred compounds.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void appendAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		String hash = this.jdbc.sql("select last_hash from audit.chain_head where id = 1 for update")
			.query(String.class)
			.single();
		Instant now = AuditHash.normalise(this.clock.instant());
		for (AuditRecord record : records) {
			String prevHash = hash;
			String account = cut(record.account(), 64);
			String action = cut(record.action(), 200);
			String object = cut(record.object(), MAX_FIELD);
			String source = cut(record.sourceAddress(), 64);
			String detail = cut(record.detail(), 500);
			String result = record.result().name();
			hash = AuditHash.of(prevHash, now, account, action, object, result, source, detail);
			this.jdbc.sql("""
					insert into audit.audit_event (occurred_at, account, action, object, result, source_address, detail,
					  prev_hash, hash) values (:at, :account, :action, :object, :result, :source, :detail, :prev, :hash)
					""")
				.param("at", Timestamp.from(now))
				.param("account", account)
				.param("action", action)
				.param("object", object)
				.param("result", result)
				.param("source", source)
				.param("detail", detail)
				.param("prev", prevHash)
				.param("hash", hash)
				.update();
		}
		this.jdbc.sql("update audit.chain_head set last_hash = :hash where id = 1").param("hash", hash).update();
	}

	@Transactional(readOnly = true)
	public Page<AuditEvent> search(AuditQuery query, Pageable pageable) {
		Filter filter = filter(query);
		long total = filter.bind(this.jdbc.sql("select count(*) from audit.audit_event where " + filter.where))
			.query(Long.class)
			.single();
		List<AuditEvent> events = filter
			.bind(this.jdbc.sql("select * from audit.audit_event where " + filter.where
					+ " order by id desc limit :limit offset :offset"))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(AuditTrail::row)
			.list();
		return new PageImpl<>(events, pageable, total);
	}

	/** Streams every matching event in order, for exports. */
	@Transactional(readOnly = true)
	public void forEach(AuditQuery query, Consumer<AuditEvent> consumer) {
		Filter filter = filter(query);
		filter.bind(this.jdbc.sql("select * from audit.audit_event where " + filter.where + " order by id"))
			.query(AuditTrail::row)
			.stream()
			.forEach(consumer);
	}

	/**
	 * Recomputes the chain from the oldest kept event. Returns the id of the first event whose hash or link does not
	 * hold, or empty when the whole trail is intact.
	 */
	@Transactional(readOnly = true)
	public OptionalLong verify() {
		String[] expectedPrev = { null };
		long[] broken = { -1 };
		this.jdbc.sql("select * from audit.audit_event order by id").query(AuditTrail::row).stream().forEach(event -> {
			if (broken[0] >= 0) {
				return;
			}
			boolean linked = expectedPrev[0] == null || expectedPrev[0].equals(event.prevHash());
			if (!linked || !AuditHash.of(event).equals(event.hash())) {
				broken[0] = event.id();
			}
			expectedPrev[0] = event.hash();
		});
		if (broken[0] < 0 && expectedPrev[0] != null) {
			String head = this.jdbc.sql("select last_hash from audit.chain_head where id = 1").query(String.class)
				.single();
			if (!head.equals(expectedPrev[0])) {
				broken[0] = Long.MAX_VALUE;
			}
		}
		return broken[0] < 0 ? OptionalLong.empty() : OptionalLong.of(broken[0]);
	}

	/** Deletes events older than the retention period (daily at 03:17); the chain continues from the oldest kept. */
	@Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
	@Transactional
	public int purgeExpired() {
		this.jdbc.sql("select set_config('linli.audit_purge', 'on', true)").query().singleValue();
		Instant cutoff = this.clock.instant().minus(this.settings.retention());
		return this.jdbc.sql("delete from audit.audit_event where occurred_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	private record Filter(String where, List<Object[]> params) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			for (Object[] p : this.params) {
				spec = spec.param((String) p[0], p[1]);
			}
			return spec;
		}

	}

	private static Filter filter(AuditQuery query) {
		List<String> where = new ArrayList<>(List.of("true"));
		List<Object[]> params = new ArrayList<>();
		if (query.account() != null && !query.account().isBlank()) {
			where.add("account = :account");
			params.add(new Object[] { "account", query.account().trim() });
		}
		if (query.action() != null && !query.action().isBlank()) {
			where.add("position(lower(:action) in lower(action)) > 0");
			params.add(new Object[] { "action", query.action().trim() });
		}
		if (query.result() != null && !query.result().isBlank()) {
			where.add("result = :result");
			params.add(new Object[] { "result", query.result().trim() });
		}
		if (query.from() != null) {
			where.add("occurred_at >= :from");
			params.add(new Object[] { "from", Timestamp.from(query.from()) });
		}
		if (query.to() != null) {
			where.add("occurred_at < :to");
			params.add(new Object[] { "to", Timestamp.from(query.to()) });
		}
		return new Filter(String.join(" and ", where), params);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static AuditEvent row(ResultSet rs, int n) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("account"),
				rs.getString("action"), rs.getString("object"), rs.getString("result"), rs.getString("source_address"),
				rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
