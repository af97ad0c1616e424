package org.linli.workorder.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;
import org.linli.workorder.domain.Kind;
import org.linli.workorder.domain.Photos;
import org.linli.workorder.domain.Status;
import org.linli.workorder.domain.WorkOrder;
import org.linli.workorder.domain.WorkOrderAccess;
import org.linli.workorder.domain.WorkOrders;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Repairs and complaints through the open API (API.md "Work orders"), with every step of the flow. */
@RestController
class WorkOrdersController {

	record NewWorkOrder(String kind, String category, String level, String roomId, String assetId,
			String description, String contact, String reporterPersonId) {
	}

	record Assignment(String technicianId) {
	}

	record Note(String note) {
	}

	record Resolution(String note, String materials, Long feeFen) {
	}

	record Rating(Integer rating, String comment) {
	}

	record Reopening(String reason) {
	}

	private final WorkOrders orders;

	private final WorkOrderAccess access;

	private final Clock clock;

	WorkOrdersController(WorkOrders orders, WorkOrderAccess access, Clock clock) {
		this.orders = orders;
		this.access = access;
		this.clock = clock;
	}

	@PostMapping("/api/v1/communities/{cid}/work-orders")
	@ResponseStatus(HttpStatus.CREATED)
	WorkOrderJson.Created file(@PathVariable UUID cid, @RequestBody NewWorkOrder request) {
		var user = this.access.requireCommunity(cid);
		WorkOrder order = this.orders.file(cid,
				new WorkOrders.FileRequest(request.kind(), request.category(), request.level(),
						ApiIds.parse("roomId", request.roomId()), ApiIds.parse("assetId", request.assetId()),
						request.description(), request.contact(),
						ApiIds.parse("reporterPersonId", request.reporterPersonId())),
				List.of(), user);
		return WorkOrderJson.created(order, this.clock.getZone());
	}

	@GetMapping("/api/v1/communities/{cid}/work-orders")
	PagedModel<WorkOrderJson.Detail> list(@PathVariable UUID cid, @RequestParam(required = false) List<String> status,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var user = this.access.requireCommunity(cid);
		PageRequest pageable = Paging.of(page, size);
		var query = new WorkOrders.Query(statuses(status), parseKind(kind), mine, overdue);
		var now = this.clock.instant();
		return new PagedModel<>(this.orders.list(cid, user, query, pageable)
			.map(o -> WorkOrderJson.row(o, now, this.clock.getZone())));
	}

	@GetMapping("/api/v1/work-orders/{id}")
	WorkOrderJson.Detail get(@PathVariable UUID id) {
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/acknowledge")
	WorkOrderJson.Detail acknowledge(@PathVariable UUID id) {
		this.orders.acknowledge(id, this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/assign")
	WorkOrderJson.Detail assign(@PathVariable UUID id, @RequestBody(required = false) Assignment request) {
		UUID technician = request == null ? null : ApiIds.parse("technicianId", request.technicianId());
		this.orders.assign(id, technician, this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/start")
	WorkOrderJson.Detail start(@PathVariable UUID id) {
		this.orders.start(id, this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/progress")
	WorkOrderJson.Detail progress(@PathVariable UUID id, @RequestBody Note request) {
		this.orders.progress(id, request.note(), List.of(), this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/wait")
	WorkOrderJson.Detail waitForResident(@PathVariable UUID id, @RequestBody Note request) {
		this.orders.waitForResident(id, request.note(), this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/resume")
	WorkOrderJson.Detail resume(@PathVariable UUID id) {
		this.orders.resume(id, this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/resolve")
	WorkOrderJson.Detail resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution request) {
		Resolution r = request == null ? new Resolution(null, null, null) : request;
		this.orders.resolve(id, r.note(), r.materials(), r.feeFen(), List.of(), this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/confirm")
	WorkOrderJson.Detail confirm(@PathVariable UUID id, @RequestBody Rating request) {
		this.orders.confirm(id, request.rating(), request.comment(), this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/reopen")
	WorkOrderJson.Detail reopen(@PathVariable UUID id, @RequestBody Reopening request) {
		this.orders.reopen(id, request.reason(), this.access.current());
		return detail(id);
	}

	@PostMapping("/api/v1/work-orders/{id}/return-visit")
	WorkOrderJson.Detail returnVisit(@PathVariable UUID id, @RequestBody Note request) {
		this.orders.returnVisit(id, request.note(), this.access.current());
		return detail(id);
	}

	@PostMapping(path = "/api/v1/work-orders/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	WorkOrderJson.Detail photos(@PathVariable UUID id, @RequestParam("photos") List<MultipartFile> photos) {
		this.orders.addPhotos(id, uploads(photos), this.access.current());
		return detail(id);
	}

	@GetMapping("/api/v1/work-orders/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
		Photos.Photo photo = this.orders.photo(photoId, this.access.current());
		if (!photo.orderId().equals(id)) {
			throw DomainException.notFound("workorder.notFound");
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).body(photo.data());
	}

	private WorkOrderJson.Detail detail(UUID id) {
		return WorkOrderJson.detail(this.orders.detail(id, this.access.current()), this.clock.instant(),
				this.clock.getZone());
	}

	static List<Photos.Upload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		if (files.size() > Photos.MAX_PHOTOS) {
			throw DomainException.invalid("photos", "workorder.photos.tooMany", Photos.MAX_PHOTOS);
		}
		return files.stream().map(f -> {
			try {
				return new Photos.Upload(f.getOriginalFilename(), f.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	static Set<Status> statuses(List<String> names) {
		if (names == null || names.isEmpty()) {
			return null;
		}
		Set<Status> statuses = EnumSet.noneOf(Status.class);
		for (String name : names) {
			try {
				statuses.add(Status.valueOf(name.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.invalid("status", "workorder.status.invalid");
			}
		}
		return statuses;
	}

	static Kind parseKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return Kind.valueOf(kind.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("kind", "workorder.kind.invalid");
		}
	}

}
