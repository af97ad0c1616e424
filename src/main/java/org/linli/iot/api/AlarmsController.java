package org.linli.iot.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.domain.AlarmService;
import org.linli.iot.domain.AlarmService.AlarmView;
import org.linli.iot.SecurityStaff;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageImpl;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Alarms of a community (API.md): list, acknowledge, clear, record what was done, figures. */
@RestController
@RequestMapping("/api/v1/communities/{cid}/alarms")
class AlarmsController {

	private static final Set<String> STATES = Set.of("ACTIVE", "CLEARED");

	private final AlarmService alarms;

	private final SecurityStaff staff;

	private final AuditApi audit;

	private final Clock clock;

	AlarmsController(AlarmService alarms, SecurityStaff staff, AuditApi audit, Clock clock) {
		this.alarms = alarms;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	PagedModel<AlarmView> list(@PathVariable UUID cid, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.staff.require(cid);
		if (state != null && !STATES.contains(state)) {
			throw DomainException.invalid("state", "iot.alarm.state.invalid");
		}
		PageRequest pageable = Paging.of(page, size);
		return new PagedModel<>(new PageImpl<>(
				this.alarms.list(cid, state, pageable.getPageSize(), pageable.getOffset()), pageable,
				this.alarms.count(cid, state)));
	}

	@GetMapping("/{id}")
	AlarmView one(@PathVariable UUID cid, @PathVariable UUID id) {
		this.staff.require(cid);
		return this.alarms.find(cid, id);
	}

	@PostMapping("/{id}/acknowledge")
	AlarmView acknowledge(@PathVariable UUID cid, @PathVariable UUID id, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.alarms.acknowledge(cid, id, user.getUsername());
		record(user, "iot.alarm.acknowledge", id, request);
		return this.alarms.find(cid, id);
	}

	@PostMapping("/{id}/clear")
	AlarmView clear(@PathVariable UUID cid, @PathVariable UUID id, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.alarms.clear(cid, id, user.getUsername());
		record(user, "iot.alarm.clear", id, request);
		return this.alarms.find(cid, id);
	}

	record NewHandling(String note, String photos) {
	}

	@PostMapping("/{id}/handlings")
	@ResponseStatus(HttpStatus.CREATED)
	List<AlarmService.Handling> handle(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestBody NewHandling body, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.alarms.handle(cid, id, body.note(), body.photos(), user.getUsername());
		record(user, "iot.alarm.handle", id, request);
		return this.alarms.handlings(cid, id);
	}

	/** A handling entry with photos (multipart: {@code note}, up to 9 {@code photos}); answers the timeline. */
	@PostMapping(path = "/{id}/handlings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	List<AlarmService.Handling> handleWithPhotos(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestParam(required = false) String note,
			@RequestParam(required = false) List<MultipartFile> photos, HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		this.alarms.record(cid, id, note, null, bytes(photos), user.getUsername());
		record(user, "iot.alarm.handle", id, request);
		return this.alarms.handlings(cid, id);
	}

	/** A handling photo's bytes, as stored (the SHA-256 is in the timeline and the ETag). */
	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable UUID cid, @PathVariable UUID id, @PathVariable UUID photoId) {
		this.staff.require(cid);
		AlarmService.Photo photo = this.alarms.photo(cid, id, photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.eTag("\"" + photo.sha256() + "\"").cacheControl(CacheControl.noStore()).body(photo.data());
	}

	static List<byte[]> bytes(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(f -> {
			try {
				return f.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	@GetMapping("/{id}/handlings")
	List<AlarmService.Handling> handlings(@PathVariable UUID cid, @PathVariable UUID id) {
		this.staff.require(cid);
		this.alarms.find(cid, id);
		return this.alarms.handlings(cid, id);
	}

	@GetMapping("/figures")
	AlarmService.Figures figures(@PathVariable UUID cid, @RequestParam(defaultValue = "30") int days) {
		this.staff.require(cid);
		return this.alarms.figures(cid, this.clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 366)))));
	}

	private void record(CurrentUser user, String action, UUID id, HttpServletRequest request) {
		this.audit.record(new AuditRecord(user.getUsername(), action, "alarm " + id, AuditRecord.Result.SUCCESS,
				request.getRemoteAddr(), null));
	}

}
