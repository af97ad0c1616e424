package org.linli.concierge.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Catalogue;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.shared.web.Paging;

import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The station's catalogue: everyone in the community reads it, station staff keep it. */
@RestController
@RequestMapping("/api/v1/communities/{cid}")
class CatalogueController {

	/** A service as staff send it; {@code version} only when changing one. */
	record ServiceRequest(String categoryCode, String code, String name, String provider, Long priceFen,
			String priceUnit, String opensAt, String closesAt, Boolean bookable, Integer slotMinutes,
			Integer slotCapacity, Boolean active, Integer version) {

		Catalogue.ServiceForm form() {
			return new Catalogue.ServiceForm(this.categoryCode, this.code, this.name, this.provider, this.priceFen,
					this.priceUnit, this.opensAt, this.closesAt, this.bookable, this.slotMinutes, this.slotCapacity,
					this.active);
		}

	}

	private final Catalogue catalogue;

	private final Bookings bookings;

	private final ConciergeAccess access;

	private final Views views;

	CatalogueController(Catalogue catalogue, Bookings bookings, ConciergeAccess access, Views views) {
		this.catalogue = catalogue;
		this.bookings = bookings;
		this.access = access;
		this.views = views;
	}

	@GetMapping("/service-categories")
	List<Catalogue.Category> categories(@PathVariable UUID cid) {
		this.access.require(cid);
		return this.catalogue.categories(cid);
	}

	/** Active services; station staff may ask for inactive ones too ({@code all=true}). */
	@GetMapping("/services")
	PagedModel<Views.ServiceView> services(@PathVariable UUID cid, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		boolean withInactive = all && !this.access.require(cid).isResident();
		return Views.paged(this.catalogue.services(cid, withInactive).stream().map(this.views::service).toList(),
				Paging.of(page, size));
	}

	@GetMapping("/services/{sid}")
	Views.ServiceView service(@PathVariable UUID cid, @PathVariable UUID sid) {
		this.access.require(cid);
		return this.views.service(this.catalogue.require(cid, sid));
	}

	@PostMapping("/services")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@PathVariable UUID cid, @RequestBody ServiceRequest request) {
		var staff = this.access.requireOperator(cid);
		return Map.of("id", this.catalogue.create(cid, request.form(), staff.username()).toString());
	}

	@PutMapping("/services/{sid}")
	Views.ServiceView update(@PathVariable UUID cid, @PathVariable UUID sid, @RequestBody ServiceRequest request) {
		var staff = this.access.requireOperator(cid);
		this.catalogue.update(cid, sid, request.form(), request.version() == null ? -1 : request.version(),
				staff.username());
		return this.views.service(this.catalogue.require(cid, sid));
	}

	/** The slots of a bookable service on a day, with the places left. */
	@GetMapping("/services/{sid}/slots")
	List<Views.SlotView> slots(@PathVariable UUID cid, @PathVariable UUID sid,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		this.access.require(cid);
		return this.bookings.slots(cid, sid, date).stream().map(this.views::slot).toList();
	}

}
