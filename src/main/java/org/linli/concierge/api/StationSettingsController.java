package org.linli.concierge.api;

import java.util.UUID;

import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.ConciergeSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The station's per-community settings: staff read them, managers change them (with the version they read). */
@RestController
class StationSettingsController {

	record SettingsRequest(Integer cancelHours, Integer parcelOverdueDays, Integer mealCapacity, Integer version) {
	}

	private final ConciergeSettings settings;

	private final ConciergeAccess access;

	StationSettingsController(ConciergeSettings settings, ConciergeAccess access) {
		this.settings = settings;
		this.access = access;
	}

	@GetMapping("/api/v1/communities/{cid}/concierge-settings")
	ConciergeSettings.Settings get(@PathVariable UUID cid) {
		this.access.requireOperator(cid);
		return this.settings.of(cid);
	}

	@PutMapping("/api/v1/communities/{cid}/concierge-settings")
	ConciergeSettings.Settings put(@PathVariable UUID cid, @RequestBody SettingsRequest request) {
		var manager = this.access.requireManager(cid);
		return this.settings.update(cid, request.cancelHours(), request.parcelOverdueDays(), request.mealCapacity(),
				request.version() == null ? 0 : request.version(), manager.username());
	}

}
