package org.linli.governance.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scanned paper ballots and written proxy authorisations, kept with their SHA-256 so a copy can be checked against
 * the stored one. Images and PDF only, at most 5 MiB.
 */
@Service
public class Attachments {

	public record Upload(String filename, String contentType, byte[] bytes) {
	}

	public record Stored(UUID id, String filename, String contentType, String sha256, byte[] bytes) {
	}

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "application/pdf");

	private final JdbcClient jdbc;

	private final Clock clock;

	Attachments(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Checks an upload; null when none was given. */
	static boolean present(Upload upload) {
		return upload != null && upload.bytes() != null && upload.bytes().length > 0;
	}

	static void check(Upload upload, String field) {
		if (!present(upload)) {
			throw DomainException.invalid(field, "governance.attachment.missing");
		}
		if (upload.bytes().length > MAX_BYTES || upload.contentType() == null
				|| !TYPES.contains(upload.contentType().toLowerCase(java.util.Locale.ROOT))) {
			throw DomainException.invalid(field, "governance.attachment.invalid");
		}
	}

	@Transactional
	public UUID store(UUID communityId, Upload upload, String field, String by) {
		check(upload, field);
		UUID id = UUID.randomUUID();
		String name = upload.filename() == null || upload.filename().isBlank() ? "scan" : upload.filename().strip();
		this.jdbc.sql("""
				insert into governance.attachment (id, community_id, filename, content_type, sha256, bytes, created_by,
				    created_at)
				values (:id, :c, :name, :type, :sha, :bytes, :by, :now)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("name", name.length() > 200 ? name.substring(0, 200) : name)
			.param("type", upload.contentType().toLowerCase(java.util.Locale.ROOT))
			.param("sha", sha256(upload.bytes()))
			.param("bytes", upload.bytes())
			.param("by", by)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Stored> find(UUID communityId, UUID id) {
		return this.jdbc.sql("select id, filename, content_type, sha256, bytes from governance.attachment "
				+ "where community_id = :c and id = :id")
			.param("c", communityId)
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBytes(5)))
			.optional();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
