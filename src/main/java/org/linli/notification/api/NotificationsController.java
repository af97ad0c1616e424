package org.linli.notification.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.notification.domain.Inbox;
import org.linli.notification.domain.NoticeText;
import org.linli.shared.web.Paging;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox through the API: list, unread count, mark read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

	record NoticeJson(String id, String kind, String title, String body, String link, boolean read, boolean urgent,
			OffsetDateTime createdAt) {
	}

	private final IdentityApi identity;

	private final Inbox inbox;

	private final NoticeText text;

	private final Clock clock;

	NotificationsController(IdentityApi identity, Inbox inbox, NoticeText text, Clock clock) {
		this.identity = identity;
		this.inbox = inbox;
		this.text = text;
		this.clock = clock;
	}

	@GetMapping
	PagedModel<NoticeJson> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		CurrentUser user = user();
		PageRequest pageable = Paging.of(page, size);
		List<NoticeJson> content = this.inbox.list(user.id(), pageable.getPageSize(), pageable.getOffset()).stream()
			.map(this::json).toList();
		return new PagedModel<>(new PageImpl<>(content, pageable, this.inbox.count(user.id())));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unread() {
		return Map.of("unread", this.inbox.unreadCount(user().id()));
	}

	@PostMapping("/{id}/read")
	NoticeJson read(@PathVariable UUID id) {
		return json(this.inbox.markRead(user().id(), id));
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", this.inbox.markAllRead(user().id()));
	}

	private NoticeJson json(Inbox.Entry e) {
		Locale locale = LocaleContextHolder.getLocale();
		return new NoticeJson(e.id().toString(), e.kind(), this.text.render(e.titleKey(), e.args(), locale),
				this.text.render(e.bodyKey(), e.args(), locale), e.link(),
				!e.unread(), e.urgent(), e.createdAt().atZone(this.clock.getZone()).toOffsetDateTime());
	}

	private CurrentUser user() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

}
