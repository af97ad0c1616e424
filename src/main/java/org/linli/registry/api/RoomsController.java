package org.linli.registry.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.registry.RoomView;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RoomService;

import org.linli.shared.web.Paging;

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

/** Buildings, rooms and ownerships of a community (API.md "Registry"). */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class RoomsController {

	record NewBuilding(String name) {
	}

	record NewRoom(String buildingId, String unit, Integer floor, String number, BigDecimal exclusiveArea,
			String areaSource, String use) {
	}

	record NewOwnership(String ownerType, List<String> personIds, LocalDate since) {
	}

	private final RoomService rooms;

	private final RegistryAccess access;

	RoomsController(RoomService rooms, RegistryAccess access) {
		this.rooms = rooms;
		this.access = access;
	}

	@PostMapping("/buildings")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> createBuilding(@PathVariable UUID cid, @RequestBody NewBuilding request) {
		this.access.requireWrite(cid);
		UUID id = this.rooms.createBuilding(cid, request.name());
		return Map.of("id", id.toString(), "name", this.rooms.buildingName(cid, id));
	}

	@PostMapping("/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> createRoom(@PathVariable UUID cid, @RequestBody NewRoom request) {
		this.access.requireWrite(cid);
		UUID id = this.rooms.createRoom(cid, new RoomService.NewRoom(Ids.parse(request.buildingId()), request.unit(),
				request.floor(), request.number(), request.exclusiveArea(), request.areaSource(), request.use()));
		return Map.of("id", id.toString());
	}

	@GetMapping("/rooms")
	PagedModel<RoomView> rooms(@PathVariable UUID cid, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		this.access.requireRead(cid);
		return new PagedModel<>(this.rooms.rooms(cid, Paging.of(page, size)));
	}

	@PostMapping("/rooms/{rid}/ownerships")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> recordOwnership(@PathVariable UUID cid, @PathVariable UUID rid,
			@RequestBody NewOwnership request) {
		this.access.requireWrite(cid);
		List<UUID> persons = request.personIds() == null ? List.of()
				: request.personIds().stream().map(Ids::parse).toList();
		this.rooms.recordOwnership(cid, rid, request.ownerType(), persons, request.since());
		return Map.of("roomId", rid.toString());
	}

}
