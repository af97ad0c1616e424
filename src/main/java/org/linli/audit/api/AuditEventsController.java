package org.linli.audit.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.linli.audit.domain.AuditEvent;
import org.linli.audit.domain.AuditQuery;
import org.linli.audit.domain.AuditTrail;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/audit-events (auditor): the trail, newest first, as a PagedModel. */
@RestController
class AuditEventsController {

	record AuditEventView(long id, OffsetDateTime occurredAt, String account, String action, String object,
			String result, String sourceAddress, String detail, String hash) {

		static AuditEventView of(AuditEvent e) {
			return new AuditEventView(e.id(), e.occurredAt().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
					e.account(), e.action(), e.object(), e.result(), e.sourceAddress(), e.detail(), e.hash());
		}

	}

	private final AuditTrail trail;

	AuditEventsController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit-events")
	PagedModel<AuditEventView> search(@RequestParam(required = false) String account,
			@RequestParam(required = false) String action, @RequestParam(required = false) String result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		var query = new AuditQuery(account, action, result, from == null ? null : from.toInstant(),
				to == null ? null : to.toInstant());
		var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500));
		return new PagedModel<>(this.trail.search(query, pageable).map(AuditEventView::of));
	}

}
