package org.linli.notification.domain;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linli.identity.AccountRef;
import org.linli.identity.IdentityApi;
import org.linli.notification.Notice;
import org.linli.shared.web.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of every account: notices stored per recipient, read only by that account, marked read by it. Recipients
 * are resolved when the notice arrives: persons to their accounts, roles to the community's staff.
 */
@Service
public class Inbox {

	/** A stored notice, not yet rendered. */
	public record Entry(UUID id, UUID accountId, UUID communityId, String kind, String titleKey, String bodyKey,
			List<String> args, String link, boolean urgent, Instant createdAt, Instant readAt) {

		public boolean unread() {
			return this.readAt == null;
		}

	}

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final Channels channels;

	private final Clock clock;

	Inbox(JdbcClient jdbc, IdentityApi identity, Channels channels, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.channels = channels;
		this.clock = clock;
	}

	@Transactional
	public int deliver(Notice notice) {
		Map<UUID, AccountRef> recipients = new LinkedHashMap<>();
		notice.to().accounts().forEach(id -> this.identity.account(id).ifPresent(a -> recipients.put(a.id(), a)));
		notice.to().persons().forEach(p -> this.identity.accountsOfPerson(p).forEach(a -> recipients.put(a.id(), a)));
		if (!notice.to().roles().isEmpty() && notice.communityId() != null) {
			this.identity.accountsInCommunity(notice.communityId(), notice.to().roles())
				.forEach(a -> recipients.put(a.id(), a));
		}
		Instant now = this.clock.instant();
		int delivered = 0;
		for (AccountRef account : recipients.values()) {
			UUID id = UUID.randomUUID();
			int rows = this.jdbc.sql("""
					insert into notification.notice (id, account_id, community_id, kind, title_key, body_key, args,
					  link, dedup_key, urgent, created_at)
					values (:id, :a, :c, :kind, :title, :body, :args, :link, :dedup, :urgent, :now)
					on conflict (account_id, dedup_key) where dedup_key is not null do nothing
					""")
				.param("id", id)
				.param("a", account.id())
				.param("c", notice.communityId())
				.param("kind", notice.kind())
				.param("title", notice.titleKey())
				.param("body", notice.bodyKey())
				.param("args", notice.args().toArray(String[]::new))
				.param("link", notice.link())
				.param("dedup", notice.dedupKey())
				.param("urgent", notice.urgent())
				.param("now", Timestamp.from(now))
				.update();
			if (rows == 1) {
				delivered++;
				this.channels.send(id, account, notice);
			}
		}
		return delivered;
	}

	@Transactional(readOnly = true)
	public long unreadCount(UUID accountId) {
		return this.jdbc.sql("select count(*) from notification.notice where account_id = :a and read_at is null")
			.param("a", accountId).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public List<Entry> list(UUID accountId, int limit, long offset) {
		return this.jdbc.sql("""
				select * from notification.notice where account_id = :a order by created_at desc, id
				 limit :limit offset :offset
				""").param("a", accountId).param("limit", limit).param("offset", offset).query(Inbox::row).list();
	}

	@Transactional(readOnly = true)
	public long count(UUID accountId) {
		return this.jdbc.sql("select count(*) from notification.notice where account_id = :a")
			.param("a", accountId).query(Long.class).single();
	}

	/** Only the owner may mark a notice read; another account's id is simply not found. */
	@Transactional
	public Entry markRead(UUID accountId, UUID noticeId) {
		this.jdbc.sql("""
				update notification.notice set read_at = coalesce(read_at, :now) where account_id = :a and id = :id
				""").param("now", Timestamp.from(this.clock.instant())).param("a", accountId).param("id", noticeId)
			.update();
		return find(accountId, noticeId).orElseThrow(() -> DomainException.notFound("notification.notFound"));
	}

	@Transactional
	public int markAllRead(UUID accountId) {
		return this.jdbc.sql("update notification.notice set read_at = :now where account_id = :a and read_at is null")
			.param("now", Timestamp.from(this.clock.instant())).param("a", accountId).update();
	}

	@Transactional(readOnly = true)
	public Optional<Entry> find(UUID accountId, UUID noticeId) {
		return this.jdbc.sql("select * from notification.notice where account_id = :a and id = :id")
			.param("a", accountId).param("id", noticeId).query(Inbox::row).optional();
	}

	@Transactional(readOnly = true)
	public Optional<String> email(UUID accountId) {
		return this.jdbc.sql("select email from notification.contact where account_id = :a")
			.param("a", accountId).query(String.class).optional().filter(e -> e != null && !e.isBlank());
	}

	/** The address notices are copied to by e-mail; blank removes it. */
	@Transactional
	public void setEmail(UUID accountId, String email) {
		String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!clean.isEmpty() && (clean.length() > 200 || !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw DomainException.invalid("email", "notification.email.invalid");
		}
		this.jdbc.sql("""
				insert into notification.contact (account_id, email, updated_at) values (:a, :e, :now)
				on conflict (account_id) do update set email = excluded.email, updated_at = excluded.updated_at
				""").param("a", accountId).param("e", clean.isEmpty() ? null : clean)
			.param("now", Timestamp.from(this.clock.instant())).update();
	}

	private static Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Array args = rs.getArray("args");
		Timestamp read = rs.getTimestamp("read_at");
		return new Entry(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getObject("community_id", UUID.class), rs.getString("kind"), rs.getString("title_key"),
				rs.getString("body_key"), args == null ? List.of() : List.of((String[]) args.getArray()),
				rs.getString("link"), rs.getBoolean("urgent"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}

}
