package org.linli.registry.api;

import java.util.Map;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.VehicleService;

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

/** Vehicles of a community; plates are masked for roles that may not see where people drive. */
@RestController
@RequestMapping("/api/v1/communities/{cid}/vehicles")
class VehiclesController {

	record NewVehicle(String plate, String personId, String roomId) {
	}

	private final VehicleService vehicles;

	private final RegistryAccess access;

	VehiclesController(VehicleService vehicles, RegistryAccess access) {
		this.vehicles = vehicles;
		this.access = access;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> register(@PathVariable UUID cid, @RequestBody NewVehicle request) {
		this.access.requireWrite(cid);
		UUID id = this.vehicles.register(cid, request.plate(), Ids.parse(request.personId()),
				request.roomId() == null ? null : Ids.parse(request.roomId()));
		return Map.of("id", id.toString());
	}

	@GetMapping
	PagedModel<VehicleService.Vehicle> list(@PathVariable UUID cid, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		CurrentUser user = this.access.requireRead(cid);
		PageRequest pageable = Paging.of(page, size);
		var content = this.vehicles.ofCommunity(cid, pageable.getPageSize(), pageable.getOffset())
			.stream()
			.map(v -> new VehicleService.Vehicle(v.id(), PersonalDataPolicy.plate(user, v.plate()), v.newEnergy(),
					v.personId(), v.roomId()))
			.toList();
		return new PagedModel<>(new PageImpl<>(content, pageable, this.vehicles.count(cid)));
	}

}
