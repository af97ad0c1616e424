package org.linli.iot.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.DeviceType;
import org.linli.iot.DeviceView;
import org.linli.iot.domain.DeviceDirectory;
import org.linli.iot.domain.DeviceRecord;
import org.linli.iot.domain.DeviceService;
import org.linli.iot.SecurityStaff;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Devices of a community (API.md "Devices (MQTT)"). */
@RestController
@RequestMapping("/api/v1/communities/{cid}/devices")
class DevicesController {

	private final DeviceDirectory directory;

	private final DeviceService devices;

	private final SecurityStaff staff;

	private final AuditApi audit;

	private final Clock clock;

	DevicesController(DeviceDirectory directory, DeviceService devices, SecurityStaff staff, AuditApi audit,
			Clock clock) {
		this.directory = directory;
		this.devices = devices;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	PagedModel<DeviceView> list(@PathVariable UUID cid, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.staff.require(cid);
		DeviceType deviceType = null;
		if (type != null && !type.isBlank()) {
			try {
				deviceType = DeviceType.valueOf(type.trim());
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.invalid("type", "iot.device.type.invalid");
			}
		}
		PageRequest pageable = Paging.of(page, size);
		var rows = this.directory.list(cid, deviceType, pageable.getPageSize(), pageable.getOffset()).stream()
			.map(d -> new DeviceView(d.id(), d.type(), d.name(), d.where(), d.online()))
			.toList();
		return new PagedModel<>(new PageImpl<>(rows, pageable, this.directory.count(cid, deviceType)));
	}

	record NewDevice(String id, String type, String name, String buildingId, String unit, String assetId,
			String location) {
	}

	/** The device's MQTT password is in the answer once and never again (only its hash is kept). */
	record Registered(String id, String username, String password, String topic) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@PathVariable UUID cid, @RequestBody NewDevice request, HttpServletRequest http) {
		CurrentUser user = this.staff.requireManager(cid);
		DeviceService.Registered registered = this.devices.register(cid,
				new DeviceService.NewDevice(request.id(), request.type(), request.name(),
						uuid(request.buildingId(), "buildingId"), request.unit(), uuid(request.assetId(), "assetId"),
						request.location(), null));
		String topic = this.directory.find(registered.id()).orElseThrow().eventTopic();
		record(user, "iot.device.register", registered.id(), http);
		return new Registered(registered.id(), registered.id(), registered.password(), topic);
	}

	/** A device as staff edit it; {@code version} goes back with a change. */
	record Details(String id, DeviceType type, String name, String buildingId, String unit, String assetId,
			String location, String status, int version, boolean online, OffsetDateTime lastSeenAt, String topic) {

		static Details of(DeviceRecord d, ZoneId zone) {
			return new Details(d.id(), d.type(), d.name(), text(d.buildingId()), d.unit(), text(d.assetId()),
					d.location(), d.status(), d.version(), d.online(),
					d.lastSeenAt() == null ? null : OffsetDateTime.ofInstant(d.lastSeenAt(), zone), d.eventTopic());
		}

		private static String text(UUID id) {
			return id == null ? null : id.toString();
		}

	}

	@GetMapping("/{id}")
	Details one(@PathVariable UUID cid, @PathVariable String id) {
		this.staff.require(cid);
		return Details.of(this.devices.details(cid, id), this.clock.getZone());
	}

	record Edit(Integer version, String name, String buildingId, String unit, String assetId, String location) {
	}

	/** Name and place; a {@code version} other than the current one is a 409 and nothing changes. */
	@PutMapping("/{id}")
	Details edit(@PathVariable UUID cid, @PathVariable String id, @RequestBody Edit body, HttpServletRequest http) {
		CurrentUser user = this.staff.requireManager(cid);
		if (body.version() == null) {
			throw DomainException.invalid("version", "iot.device.version.required");
		}
		DeviceRecord edited = this.devices.edit(cid, id, body.version(), new DeviceService.Edit(body.name(),
				uuid(body.buildingId(), "buildingId"), body.unit(), uuid(body.assetId(), "assetId"), body.location()));
		record(user, "iot.device.edit", id, http);
		return Details.of(edited, this.clock.getZone());
	}

	record Version(Integer version) {
	}

	@PostMapping("/{id}/retire")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable UUID cid, @PathVariable String id, @RequestBody Version body, HttpServletRequest http) {
		CurrentUser user = this.staff.requireManager(cid);
		if (body.version() == null) {
			throw DomainException.invalid("version", "iot.device.version.required");
		}
		this.devices.retire(cid, id, body.version());
		record(user, "iot.device.retire", id, http);
	}

	/** A new broker password, in this answer only; the old one is refused from the next login on. */
	@PostMapping("/{id}/reset-secret")
	ResponseEntity<Registered> resetSecret(@PathVariable UUID cid, @PathVariable String id, HttpServletRequest http) {
		CurrentUser user = this.staff.requireManager(cid);
		String password = this.devices.resetSecret(cid, id);
		record(user, "iot.device.resetSecret", id, http);
		DeviceRecord device = this.devices.details(cid, id);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new Registered(id, id, password, device.eventTopic()));
	}

	private void record(CurrentUser user, String action, String deviceId, HttpServletRequest http) {
		this.audit.record(new AuditRecord(user.getUsername(), action, "device " + deviceId,
				AuditRecord.Result.SUCCESS, http.getRemoteAddr(), null));
	}

	private static UUID uuid(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, "iot.device.reference.invalid");
		}
	}

}
