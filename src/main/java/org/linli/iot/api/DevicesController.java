package org.linli.iot.api;

import java.util.UUID;

import org.linli.iot.DeviceType;
import org.linli.iot.DeviceView;
import org.linli.iot.domain.DeviceDirectory;
import org.linli.iot.domain.DeviceService;
import org.linli.iot.SecurityStaff;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	DevicesController(DeviceDirectory directory, DeviceService devices, SecurityStaff staff) {
		this.directory = directory;
		this.devices = devices;
		this.staff = staff;
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
	Registered register(@PathVariable UUID cid, @RequestBody NewDevice request) {
		this.staff.requireManager(cid);
		DeviceService.Registered registered = this.devices.register(cid,
				new DeviceService.NewDevice(request.id(), request.type(), request.name(),
						uuid(request.buildingId(), "buildingId"), request.unit(), uuid(request.assetId(), "assetId"),
						request.location(), null));
		String topic = this.directory.find(registered.id()).orElseThrow().eventTopic();
		return new Registered(registered.id(), registered.id(), registered.password(), topic);
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
