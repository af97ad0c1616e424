package org.linli.concierge.api;

import java.time.LocalDate;
import java.util.UUID;

import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.ConciergeAccess;
import org.linli.concierge.domain.Meals;
import org.linli.shared.web.DomainException;
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

/**
 * Elderly meals: station staff set the day's menu, order for residents (assisted) and print the kitchen list;
 * households order for their elderly members and see only their own orders.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}/meals")
class MealsController {

	record MenuRequest(String dishes, Long priceFen, Long subsidyFen) {
	}

	record OrderRequest(String day, String personId, Boolean delivery, Boolean subsidised) {
	}

	private final Meals meals;

	private final ConciergeAccess access;

	private final Views views;

	MealsController(Meals meals, ConciergeAccess access, Views views) {
		this.meals = meals;
		this.access = access;
		this.views = views;
	}

	@GetMapping("/menus/{day}")
	Views.MenuView menu(@PathVariable UUID cid, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		this.access.require(cid);
		return this.views.menu(this.meals.menu(cid, day)
			.orElseThrow(() -> DomainException.notFound("concierge.meal.menu.none")));
	}

	@PutMapping("/menus/{day}")
	Views.MenuView setMenu(@PathVariable UUID cid, @PathVariable String day, @RequestBody MenuRequest request) {
		Caller staff = this.access.requireOperator(cid);
		return this.views.menu(this.meals.setMenu(cid, day, request.dishes(), request.priceFen(),
				request.subsidyFen(), staff));
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.CREATED)
	Views.MealOrderView order(@PathVariable UUID cid, @RequestBody OrderRequest request) {
		Caller caller = this.access.require(cid);
		return this.views.order(this.meals.order(cid, caller,
				new Meals.Request(request.day(), request.personId(), request.delivery(), request.subsidised())));
	}

	/** Staff: the orders of a day (today without {@code day}); residents: their household's orders. */
	@GetMapping("/orders")
	PagedModel<Views.MealOrderView> orders(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Caller caller = this.access.require(cid);
		var orders = caller.isResident() ? this.meals.ofHousehold(cid, caller.home().householdId(), 200)
				: this.meals.ofDay(cid, day == null ? this.meals.today() : day);
		return Views.paged(orders.stream().map(this.views::order).toList(), Paging.of(page, size));
	}

	@PostMapping("/orders/{id}/cancel")
	Views.MealOrderView cancel(@PathVariable UUID cid, @PathVariable UUID id) {
		return this.views.order(this.meals.cancel(cid, id, this.access.require(cid)));
	}

	@GetMapping("/kitchen-list")
	Views.KitchenView kitchenList(@PathVariable UUID cid,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		this.access.requireOperator(cid);
		return this.views.kitchen(this.meals.kitchenList(cid, day == null ? this.meals.today() : day));
	}

}
