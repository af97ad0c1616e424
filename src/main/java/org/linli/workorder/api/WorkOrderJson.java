package org.linli.workorder.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.linli.workorder.domain.Step;
import org.linli.workorder.domain.WorkOrder;
import org.linli.workorder.domain.WorkOrders;

/** The JSON shapes of work orders (API.md "Work orders"); times are ISO-8601 with the community's offset. */
final class WorkOrderJson {

	private WorkOrderJson() {
	}

	/** What filing answers: exactly the fields of API.md. */
	record Created(String id, String status, OffsetDateTime createdAt, OffsetDateTime acknowledgeBy,
			OffsetDateTime resolveBy, String roomId) {
	}

	record HistoryEntry(String action, String fromStatus, String toStatus, String actor, String note,
			OffsetDateTime at) {
	}

	record Assignee(String id, String name) {
	}

	/** An order with its clock, result and history. */
	record Detail(String id, String number, String communityId, String kind, String category, String level,
			String status, String channel, OffsetDateTime createdAt, OffsetDateTime acknowledgeBy,
			OffsetDateTime resolveBy, String roomId, String room, String assetId, String asset, String description,
			boolean paused, boolean overdue, int escalation, OffsetDateTime acknowledgedAt,
			OffsetDateTime assignedAt, OffsetDateTime startedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
			Assignee assignee, String materials, Long feeFen, Integer rating, String ratingComment,
			boolean returnVisitNeeded, OffsetDateTime returnVisitAt, String returnVisitNote, List<String> photos,
			List<HistoryEntry> history) {
	}

	static Created created(WorkOrder o, ZoneId zone) {
		return new Created(o.id().toString(), o.status().name(), time(o.createdAt(), zone), time(o.acknowledgeBy(), zone),
				time(o.resolveBy(), zone), id(o.roomId()));
	}

	static Detail detail(WorkOrders.Detail d, Instant now, ZoneId zone) {
		WorkOrder o = d.order();
		return new Detail(o.id().toString(), o.number(), o.communityId().toString(), o.kind().name(), o.category(),
				o.level().name(), o.status().name(), o.channel().name(), time(o.createdAt(), zone),
				time(o.acknowledgeBy(), zone), time(o.resolveBy(), zone), id(o.roomId()),
				d.room() == null ? null : d.room().label(), id(o.assetId()), d.asset() == null ? null : d.asset().name(),
				o.description(), o.paused(), o.overdueAt(now), o.escalation(), time(o.acknowledgedAt(), zone),
				time(o.assignedAt(), zone), time(o.startedAt(), zone), time(o.resolvedAt(), zone),
				time(o.closedAt(), zone),
				o.assigneeAccountId() == null ? null : new Assignee(o.assigneeAccountId().toString(), o.assigneeName()),
				o.materials(), o.feeFen(), o.rating(), o.ratingComment(), o.returnVisitNeeded(),
				time(o.returnVisitAt(), zone), o.returnVisitNote(),
				d.photos().stream().map(p -> "/api/v1/work-orders/" + o.id() + "/photos/" + p).toList(),
				d.history().stream().map(s -> history(s, zone)).toList());
	}

	/** A list row: the detail without history and photos. */
	static Detail row(WorkOrder o, Instant now, ZoneId zone) {
		return detail(new WorkOrders.Detail(o, List.of(), List.of(), null, null), now, zone);
	}

	private static HistoryEntry history(Step s, ZoneId zone) {
		return new HistoryEntry(s.action(), s.fromStatus(), s.toStatus(), s.actor(), s.note(), time(s.at(), zone));
	}

	static OffsetDateTime time(Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	private static String id(UUID id) {
		return id == null ? null : id.toString();
	}

}
