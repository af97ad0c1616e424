package org.linli.registry.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.web.DomainException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem reports that arrived through assets' public scan pages, as staff follow them up: new until someone
 * marks them handled. The work-order module turns each into a repair order ({@code AssetProblemReported}) and tells
 * the registry which order it became; the report then counts as handled.
 */
@Service
public class AssetReports {

	public enum Status {
		NEW, HANDLED
	}

	/** One report with the asset it concerns; {@code phone} is decrypted and must be masked before it is shown. */
	public record Report(UUID id, UUID assetId, String assetCode, String assetName, String description, String phone,
			Instant reportedAt, Status status, String handledBy, Instant handledAt, UUID workOrderId) {
	}

	private static final String SELECT = """
			select r.id, r.asset_id, a.code, a.name, r.description, r.phone_enc, r.reported_at, r.status,
			       r.handled_by, r.handled_at, r.work_order_id
			  from registry.asset_report r join registry.asset a on a.id = r.asset_id and a.community_id = r.community_id
			""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Clock clock;

	AssetReports(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** A page of the community's reports, newest first, optionally only those with one status. */
	public Page<Report> page(UUID communityId, Status status, Pageable pageable) {
		String where = " where r.community_id = :c" + (status == null ? "" : " and r.status = :s");
		var count = this.jdbc.sql("select count(*) from registry.asset_report r" + where).param("c", communityId);
		var rows = this.jdbc.sql(SELECT + where + " order by r.reported_at desc, r.id limit :limit offset :offset")
			.param("c", communityId).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset());
		if (status != null) {
			count = count.param("s", status.name());
			rows = rows.param("s", status.name());
		}
		return new PageImpl<>(rows.query(this::row).list(), pageable, count.query(Long.class).single());
	}

	/** The reports about one asset, newest first. */
	public List<Report> ofAsset(UUID communityId, UUID assetId) {
		return this.jdbc.sql(SELECT + " where r.community_id = :c and r.asset_id = :a order by r.reported_at desc")
			.param("c", communityId).param("a", assetId).query(this::row).list();
	}

	public Optional<Report> find(UUID communityId, UUID reportId) {
		return this.jdbc.sql(SELECT + " where r.community_id = :c and r.id = :id").param("c", communityId)
			.param("id", reportId).query(this::row).optional();
	}

	/** Marks a new report handled; a report already handled (by a colleague, say) is refused. */
	@Transactional
	public void handle(UUID communityId, UUID reportId, String by) {
		int updated = this.jdbc.sql("""
				update registry.asset_report set status = 'HANDLED', handled_by = :by, handled_at = :now,
				       version = version + 1
				 where community_id = :c and id = :id and status = 'NEW'
				""").param("by", by).param("now", Timestamp.from(this.clock.instant())).param("c", communityId)
			.param("id", reportId).update();
		if (updated == 0) {
			throw find(communityId, reportId).isPresent() ? DomainException.conflict("registry.report.alreadyHandled")
					: DomainException.notFound("registry.report.notFound");
		}
	}

	/** The report became a repair order: handled, with a link to the order (kept if a colleague handled it first). */
	@Transactional
	public void becameOrder(UUID communityId, UUID reportId, UUID workOrderId) {
		this.jdbc.sql("""
				update registry.asset_report
				   set work_order_id = :o, version = version + 1,
				       status = 'HANDLED', handled_at = coalesce(handled_at, :now)
				 where community_id = :c and id = :id and work_order_id is null
				""").param("o", workOrderId).param("now", Timestamp.from(this.clock.instant())).param("c", communityId)
			.param("id", reportId).update();
	}

	public static Status parseStatus(String status) {
		return "NEW".equals(status) ? Status.NEW : "HANDLED".equals(status) ? Status.HANDLED : null;
	}

	private Report row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp handledAt = rs.getTimestamp("handled_at");
		return new Report(rs.getObject("id", UUID.class), rs.getObject("asset_id", UUID.class), rs.getString("code"),
				rs.getString("name"), rs.getString("description"), this.cipher.decrypt(rs.getString("phone_enc")),
				rs.getTimestamp("reported_at").toInstant(), Status.valueOf(rs.getString("status")),
				rs.getString("handled_by"), handledAt == null ? null : handledAt.toInstant(),
				rs.getObject("work_order_id", UUID.class));
	}

}
