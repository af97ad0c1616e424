package org.linli.workorder.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.AccountRef;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.AssetLabel;
import org.linli.registry.RegistryApi;
import org.linli.registry.RoomLabel;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;
import org.linli.workorder.ChargeableRepairCompleted;
import org.linli.workorder.WorkOrderAcknowledged;
import org.linli.workorder.WorkOrderAssigned;
import org.linli.workorder.WorkOrderFiled;
import org.linli.workorder.WorkOrderRated;
import org.linli.workorder.WorkOrderReopened;
import org.linli.workorder.WorkOrderResolved;
import org.linli.workorder.WorkOrderWaitingForResident;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing and moving work orders. Every step is checked against the caller (desk, assigned technician, reporting
 * resident), stored with who did it and when, and published as an event for notifications and billing.
 */
@Service
public class WorkOrders {

	/** What a resident or the desk files; ids may be null. */
	public record FileRequest(String kind, String category, String level, UUID roomId, UUID assetId,
			String description, String contact, UUID reporterPersonId) {
	}

	/** An order with its history and photo ids, as the detail page and the API show it. */
	public record Detail(WorkOrder order, List<Step> history, List<UUID> photos, RoomLabel room, AssetLabel asset) {
	}

	public static final String SYSTEM = "system";

	private final WorkOrderRepository orders;

	private final Categories categories;

	private final Photos photos;

	private final Dispatcher dispatcher;

	private final RegistryApi registry;

	private final IdentityApi identity;

	private final AuditApi audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkOrders(WorkOrderRepository orders, Categories categories, Photos photos, Dispatcher dispatcher,
			RegistryApi registry, IdentityApi identity, AuditApi audit, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.categories = categories;
		this.photos = photos;
		this.dispatcher = dispatcher;
		this.registry = registry;
		this.identity = identity;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * A resident files for their own room (an omitted room means the room they live in); the desk files for a
	 * resident who phoned or came in, recorded as assisted. Either may name a common asset instead of a room.
	 */
	@Transactional
	public WorkOrder file(UUID communityId, FileRequest request, List<Photos.Upload> uploads, CurrentUser user) {
		boolean desk = WorkOrderAccess.isDesk(user, communityId);
		if (!desk && !(user.hasRole(Role.RESIDENT) && user.personId() != null)) {
			throw new AccessDeniedException("only residents and the desk file work orders");
		}
		Violations violations = new Violations();
		var category = request.category() == null ? java.util.Optional.<Categories.Category>empty()
				: this.categories.find(communityId, request.category().trim());
		// pages may leave the kind out: the category says it (one choice fewer, for the elderly mode)
		boolean kindGiven = request.kind() != null && !request.kind().isBlank();
		Kind kind = kindGiven ? parse(Kind.class, request.kind()) : category.map(Categories.Category::kind).orElse(null);
		violations.require(kind != null || (!kindGiven && category.isEmpty()), "kind", "workorder.kind.invalid");
		Level level = parse(Level.class, request.level());
		violations.require(level != null, "level", "workorder.level.invalid");
		violations.require(category.isPresent() && (kind == null || category.get().kind() == kind), "category",
				"workorder.category.invalid");
		String description = request.description() == null ? "" : request.description().strip();
		violations.require(description.length() >= 2 && description.length() <= 1000, "description",
				"workorder.description.invalid");
		String contact = request.contact() == null || request.contact().isBlank() ? null : request.contact().strip();
		violations.require(contact == null || contact.length() <= 100, "contact", "workorder.contact.invalid");
		AssetLabel asset = null;
		if (request.assetId() != null) {
			asset = this.registry.asset(communityId, request.assetId()).orElse(null);
			violations.require(asset != null, "assetId", "workorder.asset.unknown");
		}
		UUID roomId = request.roomId();
		UUID reporter = null;
		if (desk) {
			violations.require(roomId != null || request.assetId() != null, "roomId", "workorder.room.required");
			if (roomId != null) {
				violations.require(this.registry.roomLabel(communityId, roomId).isPresent(), "roomId",
						"workorder.room.unknown");
			}
			reporter = request.reporterPersonId();
			if (reporter != null) {
				UUID room = roomId;
				violations.require(room != null && this.registry.roomsOf(reporter).stream()
					.anyMatch(r -> r.id().equals(room)), "reporterPersonId", "workorder.reporter.invalid");
			}
		}
		else {
			reporter = user.personId();
			List<RoomLabel> own = this.registry.roomsOf(reporter).stream()
				.filter(r -> r.communityId().equals(communityId)).toList();
			if (roomId == null && asset == null) {
				violations.require(!own.isEmpty(), "roomId", "workorder.room.none");
				roomId = own.isEmpty() ? null : own.getFirst().id();
			}
			else if (roomId != null) {
				UUID room = roomId;
				violations.require(own.stream().anyMatch(r -> r.id().equals(room)), "roomId", "workorder.room.notOwn");
			}
		}
		List<Photos.Upload> checked = List.of();
		try {
			checked = Photos.check(uploads, 0);
		}
		catch (DomainException ex) {
			violations.add(ex.field(), ex.code(), ex.args());
		}
		violations.throwIfAny();
		Targets.Target target = Targets.effective(category.get().target(), level,
				this.categories.levelTargets(communityId));
		Instant now = now();
		Channel channel = desk && !user.hasRole(Role.RESIDENT) ? Channel.ASSISTED : Channel.APP;
		WorkOrder order = new WorkOrder(UUID.randomUUID(), communityId, kind, category.get().code(), level, roomId,
				request.assetId(), description, Status.SUBMITTED, null, channel, reporter,
				channel == Channel.APP ? user.id() : null, contact, user.getUsername(), now,
				SlaClock.startingAt(now, target), null, 0);
		this.orders.insert(order);
		UUID step = this.orders.addStep(order, Status.Action.FILE, null, user.getUsername(),
				channel == Channel.ASSISTED ? "ASSISTED" : null, now);
		this.photos.store(order, step, checked, user.getUsername(), now);
		if (channel == Channel.ASSISTED) {
			this.audit.record(new AuditRecord(user.getUsername(), "WORK_ORDER_ASSISTED", "work-order:" + order.id(),
					AuditRecord.Result.SUCCESS, null, "filed for a resident, room " + roomId));
		}
		this.events.publishEvent(new WorkOrderFiled(communityId, order.id(), kind.name(), order.category(),
				level.name(), roomId, order.assetId(), reporter, channel.name()));
		return order;
	}

	/** An order from a problem reported on an asset's public scan page; the same report never makes two. */
	@Transactional
	public java.util.Optional<WorkOrder> fileFromAssetReport(UUID communityId, UUID assetId, UUID reportId,
			String description) {
		if (this.orders.existsForReport(reportId)) {
			return java.util.Optional.empty();
		}
		AssetLabel asset = this.registry.asset(communityId, assetId).orElse(null);
		String code = asset != null && "ELEVATOR".equals(asset.type()) ? "ELEVATOR" : "PUBLIC_FACILITY";
		Categories.Category category = this.categories.find(communityId, code)
			.or(() -> this.categories.list(communityId).stream().filter(c -> c.kind() == Kind.REPAIR).findFirst())
			.orElseThrow();
		Targets.Target target = Targets.effective(category.target(), Level.NORMAL,
				this.categories.levelTargets(communityId));
		Instant now = now();
		String text = description == null || description.isBlank() ? "-" : description.strip();
		WorkOrder order = new WorkOrder(UUID.randomUUID(), communityId, Kind.REPAIR, category.code(), Level.NORMAL,
				null, assetId, text.length() > 1000 ? text.substring(0, 1000) : text, Status.SUBMITTED, null,
				Channel.QR_SCAN, null, null, null, SYSTEM, now, SlaClock.startingAt(now, target), reportId, 0);
		this.orders.insert(order);
		this.orders.addStep(order, Status.Action.FILE, null, SYSTEM, "QR_SCAN", now);
		this.events.publishEvent(new WorkOrderFiled(communityId, order.id(), Kind.REPAIR.name(), category.code(),
				Level.NORMAL.name(), null, assetId, null, Channel.QR_SCAN.name()));
		return java.util.Optional.of(order);
	}

	/** The order if the user may see it; otherwise 404, so ids of others' orders reveal nothing. */
	@Transactional(readOnly = true)
	public WorkOrder visible(UUID id, CurrentUser user) {
		WorkOrder order = this.orders.find(id).orElseThrow(WorkOrders::notFound);
		if (!WorkOrderAccess.maySee(user, order, ownRooms(user))) {
			throw notFound();
		}
		return order;
	}

	@Transactional(readOnly = true)
	public Detail detail(UUID id, CurrentUser user) {
		WorkOrder order = visible(id, user);
		return new Detail(order, this.orders.steps(order.communityId(), id),
				this.photos.ids(order.communityId(), id),
				order.roomId() == null ? null : this.registry.roomLabel(order.communityId(), order.roomId()).orElse(null),
				order.assetId() == null ? null : this.registry.asset(order.communityId(), order.assetId()).orElse(null));
	}

	/** Filters of a list; null means any. */
	public record Query(Set<Status> statuses, Kind kind, boolean mineOnly, boolean overdueOnly) {

		public static final Query ALL = new Query(null, null, false, false);

	}

	/**
	 * The orders of a community the user may see: all for the desk (or only those assigned to them with
	 * {@code mineOnly}), the assigned ones for technicians, repairs for overseers, their own for residents.
	 */
	@Transactional(readOnly = true)
	public Page<WorkOrder> list(UUID communityId, CurrentUser user, Query query, Pageable page) {
		boolean desk = WorkOrderAccess.isDesk(user, communityId);
		WorkOrderRepository.Filter filter;
		Instant now = now();
		if (query.mineOnly() || (!desk && user.hasRole(Role.TECHNICIAN))) {
			filter = new WorkOrderRepository.Filter(query.statuses(), query.kind(), false, user.id(), null, null,
					query.overdueOnly(), now);
		}
		else if (desk) {
			filter = new WorkOrderRepository.Filter(query.statuses(), query.kind(), false, null, null, null,
					query.overdueOnly(), now);
		}
		else if (user.hasAnyRole(WorkOrderAccess.OVERSEERS)) {
			filter = new WorkOrderRepository.Filter(query.statuses(), query.kind(), true, null, null, null,
					query.overdueOnly(), now);
		}
		else if (user.personId() != null) {
			filter = new WorkOrderRepository.Filter(query.statuses(), query.kind(), false, null, user.personId(),
					ownRooms(user), query.overdueOnly(), now);
		}
		else {
			return Page.empty(page);
		}
		return new PageImpl<>(this.orders.list(communityId, filter, page.getPageSize(), page.getOffset()), page,
				this.orders.count(communityId, filter));
	}

	private Set<UUID> ownRooms(CurrentUser user) {
		if (user.personId() == null || !user.hasRole(Role.RESIDENT)) {
			return Set.of();
		}
		return this.registry.roomsOf(user.personId()).stream().map(RoomLabel::id).collect(Collectors.toSet());
	}

	@Transactional
	public WorkOrder acknowledge(UUID id, CurrentUser user) {
		WorkOrder order = desk(id, user);
		Status from = order.status();
		Instant now = now();
		order.acknowledge(now);
		save(order, Status.Action.ACKNOWLEDGE, from, user.getUsername(), null, now);
		this.events.publishEvent(new WorkOrderAcknowledged(order.communityId(), order.id(), order.reporterPersonId(),
				user.getUsername()));
		return order;
	}

	/** Gives the order to the named technician, or to the one automatic dispatch chooses when none is named. */
	@Transactional
	public WorkOrder assign(UUID id, UUID technicianId, CurrentUser user) {
		WorkOrder order = desk(id, user);
		if (!Status.Action.ASSIGN.allowedFrom(order.status())) {
			order.assign(null, null, now()); // throws the 409 of the illegal step
		}
		AccountRef technician;
		if (technicianId == null) {
			String skill = this.categories.find(order.communityId(), order.category())
				.map(Categories.Category::skill).orElse(null);
			technician = this.dispatcher.choose(order.communityId(), skill)
				.orElseThrow(() -> DomainException.conflict("workorder.dispatch.noTechnician"));
		}
		else {
			technician = this.dispatcher.technicians(order.communityId()).stream()
				.filter(t -> t.id().equals(technicianId)).findFirst()
				.orElseThrow(() -> DomainException.invalid("technicianId", "workorder.technician.unknown"));
		}
		Status from = order.status();
		Instant now = now();
		order.assign(technician.id(), technician.displayName(), now);
		save(order, Status.Action.ASSIGN, from, user.getUsername(),
				(technicianId == null ? "AUTO " : "") + technician.username(), now);
		this.events.publishEvent(new WorkOrderAssigned(order.communityId(), order.id(), order.reporterPersonId(),
				technician.id(), technicianId == null));
		return order;
	}

	/** The technician accepts the order and starts on it. */
	@Transactional
	public WorkOrder start(UUID id, CurrentUser user) {
		WorkOrder order = worker(id, user);
		Status from = order.status();
		Instant now = now();
		order.start(now);
		save(order, Status.Action.START, from, user.getUsername(), null, now);
		return order;
	}

	/** A progress note, with photos, while the work goes on. */
	@Transactional
	public WorkOrder progress(UUID id, String note, List<Photos.Upload> uploads, CurrentUser user) {
		WorkOrder order = worker(id, user);
		String text = note(note, "note", true);
		order.progress();
		List<Photos.Upload> checked = Photos.check(uploads, this.photos.count(order.communityId(), id));
		Instant now = now();
		UUID step = save(order, Status.Action.PROGRESS, order.status(), user.getUsername(), text, now);
		this.photos.store(order, step, checked, user.getUsername(), now);
		return order;
	}

	/** More photos while the order is open: from the reporter, the assigned technician or the desk. */
	@Transactional
	public WorkOrder addPhotos(UUID id, List<Photos.Upload> uploads, CurrentUser user) {
		WorkOrder order = visible(id, user);
		if (!WorkOrderAccess.isDesk(user, order.communityId()) && !WorkOrderAccess.isAssignee(user, order)
				&& !WorkOrderAccess.isReporter(user, order)) {
			throw new AccessDeniedException("only the reporter, the technician or the desk");
		}
		order.addPhotos();
		List<Photos.Upload> checked = Photos.check(uploads, this.photos.count(order.communityId(), id));
		if (checked.isEmpty()) {
			throw DomainException.invalid("photos", "workorder.photos.none");
		}
		Instant now = now();
		UUID step = save(order, Status.Action.PHOTOS, order.status(), user.getUsername(), null, now);
		this.photos.store(order, step, checked, user.getUsername(), now);
		return order;
	}

	/** The order waits for the resident; the SLA clock stops until it resumes. */
	@Transactional
	public WorkOrder waitForResident(UUID id, String note, CurrentUser user) {
		WorkOrder order = worker(id, user);
		String text = note(note, "note", true);
		Status from = order.status();
		Instant now = now();
		order.waitForResident(now);
		save(order, Status.Action.WAIT, from, user.getUsername(), text, now);
		this.events.publishEvent(new WorkOrderWaitingForResident(order.communityId(), order.id(),
				order.reporterPersonId(), text));
		return order;
	}

	/** Work goes on: the technician, the desk or the reporting resident (who answered) resumes the order. */
	@Transactional
	public WorkOrder resume(UUID id, CurrentUser user) {
		WorkOrder order = visible(id, user);
		if (!WorkOrderAccess.isDesk(user, order.communityId()) && !WorkOrderAccess.isAssignee(user, order)
				&& !WorkOrderAccess.isReporter(user, order)) {
			throw new AccessDeniedException("not the order's technician, desk or reporter");
		}
		Status from = order.status();
		Instant now = now();
		order.resume(now);
		save(order, Status.Action.RESUME, from, user.getUsername(), null, now);
		return order;
	}

	/** Resolves the order with what was used and, for a chargeable repair, the fee (integer fen). */
	@Transactional
	public WorkOrder resolve(UUID id, String note, String materials, Long feeFen, List<Photos.Upload> uploads,
			CurrentUser user) {
		WorkOrder order = worker(id, user);
		Violations violations = new Violations();
		String text = note == null || note.isBlank() ? null : note.strip();
		violations.require(text == null || text.length() <= 1000, "note", "workorder.note.invalid");
		String used = materials == null || materials.isBlank() ? null : materials.strip();
		violations.require(used == null || used.length() <= 500, "materials", "workorder.materials.invalid");
		violations.require(feeFen == null || (feeFen >= 0 && feeFen <= 100_000_000L), "feeFen",
				"workorder.fee.invalid");
		violations.require(feeFen == null || feeFen == 0 || order.roomId() != null, "feeFen",
				"workorder.fee.noRoom");
		violations.throwIfAny();
		List<Photos.Upload> checked = Photos.check(uploads, this.photos.count(order.communityId(), id));
		Status from = order.status();
		Instant now = now();
		order.resolve(used, feeFen, now);
		UUID step = save(order, Status.Action.RESOLVE, from, user.getUsername(), text, now);
		this.photos.store(order, step, checked, user.getUsername(), now);
		this.events.publishEvent(new WorkOrderResolved(order.communityId(), order.id(), order.reporterPersonId(),
				order.roomId(), !now.isAfter(order.resolveBy())));
		if (feeFen != null && feeFen > 0) {
			this.events.publishEvent(new ChargeableRepairCompleted(order.communityId(), order.roomId(), order.id(),
					feeFen, used, now));
		}
		return order;
	}

	/** The resident confirms the result and rates it (1-5), which closes the order. */
	@Transactional
	public WorkOrder confirm(UUID id, Integer rating, String comment, CurrentUser user) {
		WorkOrder order = reporterOrDesk(id, user);
		Violations violations = new Violations();
		violations.require(rating != null && rating >= 1 && rating <= 5, "rating", "workorder.rating.invalid");
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		violations.require(text == null || text.length() <= 500, "comment", "workorder.comment.invalid");
		violations.throwIfAny();
		Status from = order.status();
		Instant now = now();
		order.confirm(rating, text, now);
		save(order, Status.Action.CONFIRM, from, user.getUsername(), rating + (text == null ? "" : " " + text), now);
		this.events.publishEvent(new WorkOrderRated(order.communityId(), order.id(), order.assigneeAccountId(),
				rating, order.returnVisitNeeded()));
		return order;
	}

	/** Not fixed after all: back to the technician with a fresh resolve target. */
	@Transactional
	public WorkOrder reopen(UUID id, String reason, CurrentUser user) {
		WorkOrder order = reporterOrDesk(id, user);
		String text = note(reason, "reason", true);
		Status from = order.status();
		Instant now = now();
		order.reopen(now);
		save(order, Status.Action.REOPEN, from, user.getUsername(), text, now);
		this.events.publishEvent(new WorkOrderReopened(order.communityId(), order.id(), order.assigneeAccountId(),
				text));
		return order;
	}

	/** Staff call back a resident who rated low (回访) and note what they learnt. */
	@Transactional
	public WorkOrder returnVisit(UUID id, String note, CurrentUser user) {
		WorkOrder order = desk(id, user);
		String text = note(note, "note", true);
		Instant now = now();
		order.returnVisit(user.getUsername(), text, now);
		save(order, Status.Action.RETURN_VISIT, order.status(), user.getUsername(), text, now);
		return order;
	}

	@Transactional(readOnly = true)
	public Photos.Photo photo(UUID photoId, CurrentUser user) {
		Photos.Photo photo = this.photos.find(photoId).orElseThrow(WorkOrders::notFound);
		visible(photo.orderId(), user);
		return photo;
	}

	public List<AccountRef> technicians(UUID communityId) {
		return this.dispatcher.technicians(communityId);
	}

	private UUID save(WorkOrder order, Status.Action action, Status from, String actor, String note, Instant now) {
		this.orders.update(order);
		return this.orders.addStep(order, action, from, actor, note, now);
	}

	private WorkOrder desk(UUID id, CurrentUser user) {
		WorkOrder order = visible(id, user);
		if (!WorkOrderAccess.isDesk(user, order.communityId())) {
			throw new AccessDeniedException("work-order desk only");
		}
		return order;
	}

	private WorkOrder worker(UUID id, CurrentUser user) {
		WorkOrder order = visible(id, user);
		if (!WorkOrderAccess.isDesk(user, order.communityId()) && !WorkOrderAccess.isAssignee(user, order)) {
			throw new AccessDeniedException("not the order's technician");
		}
		return order;
	}

	private WorkOrder reporterOrDesk(UUID id, CurrentUser user) {
		WorkOrder order = visible(id, user);
		if (!WorkOrderAccess.isDesk(user, order.communityId()) && !WorkOrderAccess.isReporter(user, order)) {
			throw new AccessDeniedException("only the reporter or the desk");
		}
		return order;
	}

	private static String note(String note, String field, boolean required) {
		String text = note == null ? "" : note.strip();
		if ((required && text.length() < 2) || text.length() > 1000) {
			throw DomainException.invalid(field, "workorder.note.invalid");
		}
		return text.isEmpty() ? null : text;
	}

	private static DomainException notFound() {
		return DomainException.notFound("workorder.notFound");
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The display name of an account, for pages (assignee choices). */
	public String accountName(UUID accountId) {
		return accountId == null ? null : this.identity.account(accountId).map(AccountRef::displayName).orElse(null);
	}

}
