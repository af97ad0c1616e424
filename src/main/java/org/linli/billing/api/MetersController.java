package org.linli.billing.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.billing.BillingApi;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.Meters;
import org.linli.billing.domain.Period;
import org.linli.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Meters, readings (entered or imported from .xlsx) with anomaly checks, and water loss. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class MetersController {

	record NewMeter(String kind, String code, String parentId, String roomId, String areaName) {
	}

	record NewReading(String period, BigDecimal reading) {
	}

	private final Meters meters;

	private final BillingApi billing;

	private final BillingAccess access;

	MetersController(Meters meters, BillingApi billing, BillingAccess access) {
		this.meters = meters;
		this.billing = billing;
		this.access = access;
	}

	@PostMapping("/meters")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> create(@PathVariable UUID cid, @RequestBody NewMeter meter) {
		this.access.requireKeeper(cid);
		return Map.of("id", this.meters.create(cid, meter.kind(), meter.code(), Views.id(meter.parentId()),
				Views.id(meter.roomId()), meter.areaName()));
	}

	@PostMapping("/meters/{mid}/readings")
	Meters.Reading read(@PathVariable UUID cid, @PathVariable UUID mid, @RequestBody NewReading reading) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.meters.record(cid, mid, Period.parse(reading.period()), reading.reading(), "MANUAL",
				user.getUsername());
	}

	@GetMapping("/meter-readings")
	List<Meters.Reading> readings(@PathVariable UUID cid, @RequestParam String period) {
		this.access.requireKeeper(cid);
		return this.meters.readings(cid, Period.parse(period).text());
	}

	@PostMapping("/meter-readings/import")
	Meters.ImportReport importReadings(@PathVariable UUID cid, @RequestParam String period,
			@RequestParam MultipartFile file) throws IOException {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.meters.importSheet(cid, Period.parse(period), file.getBytes(), user.getUsername());
	}

	@GetMapping("/water-loss")
	Map<String, Object> waterLoss(@PathVariable UUID cid, @RequestParam String period) {
		this.access.requireFigures(cid);
		return Map.of("period", Period.parse(period).text(), "before", BillingApi.WATER_LOSS_BEFORE, "target",
				BillingApi.WATER_LOSS_TARGET, "areas", this.billing.waterLoss(cid, period));
	}

}
