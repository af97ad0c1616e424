package org.linli.workorder.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.shared.photo.PhotoCheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Photos of an order, kept in the database beside it. The type is judged from the first bytes, never from the name or
 * the declared type: only JPEG, PNG and WebP are taken, up to {@value #MAX_BYTES} bytes each and {@value #MAX_PHOTOS}
 * per order.
 */
@Service
public class Photos {

	public static final int MAX_PHOTOS = 9;

	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** An uploaded file as received. */
	public record Upload(String filename, byte[] data) {

		public boolean isEmpty() {
			return this.data == null || this.data.length == 0;
		}

	}

	/** A stored photo. */
	public record Photo(UUID id, UUID communityId, UUID orderId, String contentType, byte[] data) {
	}

	private final JdbcClient jdbc;

	Photos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The image type the bytes are, or null when they are none of the accepted ones (shared with other modules). */
	public static String sniff(byte[] data) {
		return PhotoCheck.sniff(data);
	}

	/** Checks the uploads (empty file inputs are ignored) and the number the order may still take. */
	public static List<Upload> check(List<Upload> uploads, int alreadyStored) {
		List<Upload> photos = uploads == null ? List.of() : uploads.stream().filter(u -> !u.isEmpty()).toList();
		PhotoCheck.check(photos.stream().map(Upload::data).toList(), alreadyStored, MAX_PHOTOS, MAX_BYTES,
				"workorder.photos");
		return photos;
	}

	int count(UUID communityId, UUID orderId) {
		return this.jdbc.sql("select count(*) from workorder.photo where community_id = :c and order_id = :o")
			.param("c", communityId).param("o", orderId).query(Integer.class).single();
	}

	void store(WorkOrder order, UUID stepId, List<Upload> photos, String by, Instant now) {
		for (Upload photo : photos) {
			this.jdbc.sql("""
					insert into workorder.photo (id, community_id, order_id, step_id, content_type, size_bytes, data,
					  uploaded_by, uploaded_at) values (:id, :c, :o, :s, :t, :size, :data, :by, :now)
					""").param("id", UUID.randomUUID()).param("c", order.communityId()).param("o", order.id())
				.param("s", stepId).param("t", sniff(photo.data())).param("size", photo.data().length)
				.param("data", photo.data()).param("by", by).param("now", Timestamp.from(now)).update();
		}
	}

	/** Ids of the order's photos, oldest first. */
	public List<UUID> ids(UUID communityId, UUID orderId) {
		return this.jdbc.sql("""
				select id from workorder.photo where community_id = :c and order_id = :o order by uploaded_at, id
				""").param("c", communityId).param("o", orderId).query(UUID.class).list();
	}

	Optional<Photo> find(UUID photoId) {
		return this.jdbc.sql("select id, community_id, order_id, content_type, data from workorder.photo where id = :id")
			.param("id", photoId)
			.query((rs, n) -> new Photo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getBytes(5)))
			.optional();
	}

}
