package org.linli.concierge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.concierge.domain.Caller;
import org.linli.concierge.domain.Meals;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Elderly meals: the day's menu, orders by the household for its elderly members or by staff for anyone (assisted),
 * delivery and subsidy by the registry, the daily capacity never exceeded in parallel, the kitchen list.
 */
@LinliIntegrationTest
class MealIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	Meals meals;

	Station station;

	String today;

	@BeforeEach
	void setUp() throws Exception {
		this.station = Station.create(this.registry, this.identity, this.mvc, "meal");
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String staff = this.station.token(this.mvc, this.station.staff());
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/meals/menus/{day}", this.station.id(), this.today), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("dishes", "红烧肉、清炒时蔬、紫菜蛋花汤", "priceFen", 1500, "subsidyFen", 500))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.subsidisedPriceFen").value(1000));
	}

	@Test
	void householdsOrderForTheirElderlyAndStaffForAnyoneAssisted() throws Exception {
		String residentA = this.station.token(this.mvc, this.station.residentA());
		// 王奶奶 is 80+: delivered home and subsidised by the rule
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("wang-elder").toString(), "delivery", true, "subsidised", false))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.delivery").value(true))
			.andExpect(jsonPath("$.subsidised").value(true)).andExpect(jsonPath("$.priceFen").value(1000))
			.andExpect(jsonPath("$.assisted").value(false));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("wang-elder").toString())))).andExpect(status().isConflict());
		// the son is not elderly; the neighbour's grandfather is not theirs to order for
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("wang-son").toString()))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("li-elder").toString()))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
		// 李大爷 (about 70) may not ask for delivery himself; no menu, no order; past days are closed
		String residentB = this.station.token(this.mvc, this.station.residentB());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentB)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("li-elder").toString(), "delivery", true))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("delivery"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentB)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day",
					LocalDate.parse(this.today).plusDays(1).toString(), "personId",
					this.station.person("li-elder").toString()))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("concierge.meal.menu.none"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentB)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", "2020-01-01", "personId", "x"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("day", "personId")));
		// staff judge in person: the station brings 李大爷 his meal, recorded as assisted
		String staff = this.station.token(this.mvc, this.station.staff());
		String assisted = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("day", this.today, "personId",
					this.station.person("li-elder").toString(), "delivery", true, "subsidised", true))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.assisted").value(true))
			.andExpect(jsonPath("$.subsidised").value(true)).andReturn()).get("id").asString();
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'ORDER elderly meal (assisted)' "
				+ "and object = :o").param("o", "meal order " + assisted).query(Long.class).single()).isEqualTo(1);

		// each household sees its own orders only
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/meals/orders", this.station.id()), residentA))
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].personName").value("王奶奶"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders/{id}/cancel", this.station.id(), assisted),
				residentA)).andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/meals/kitchen-list", this.station.id()), residentA))
			.andExpect(status().isForbidden());
		// the kitchen list: both delivered, names masked
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/meals/kitchen-list?day={d}", this.station.id(), this.today), staff))
			.andExpect(status().isOk()).andExpect(jsonPath("$.ordered").value(2))
			.andExpect(jsonPath("$.delivery").value(2)).andExpect(jsonPath("$.dineIn").value(0))
			.andExpect(jsonPath("$.capacity").value(200))
			.andExpect(jsonPath("$.lines[*].name").value(not(org.hamcrest.Matchers.hasItem("王奶奶"))));
		// cancelling frees the place
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/meals/orders/{id}/cancel", this.station.id(), assisted),
				residentB)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
		assertThat(this.meals.orderedOn(this.station.id(), LocalDate.parse(this.today))).isEqualTo(1);
	}

	@Test
	void theDailyCapacityIsNeverExceededInParallel() throws Exception {
		String manager = this.station.token(this.mvc, this.station.manager());
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", 2, "parcelOverdueDays", 3, "mealCapacity", 3, "version", 0))))
			.andExpect(status().isOk());
		List<UUID> persons = new ArrayList<>(this.station.persons().values());
		assertThat(persons).hasSize(5);
		UUID cid = this.station.id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(persons.size());
		long placed;
		try {
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (UUID person : persons) {
				attempts.add(pool.submit(() -> {
					start.await();
					try {
						this.meals.order(cid, Caller.staff("parallel"),
								new Meals.Request(this.today, person.toString(), false, null));
						return true;
					}
					catch (DomainException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			placed = 0;
			for (Future<Boolean> attempt : attempts) {
				placed += attempt.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(placed).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from concierge.meal_order where community_id = :c and status = 'ORDERED'")
			.param("c", cid).query(Long.class).single()).isEqualTo(3);
		assertThat(this.meals.orderedOn(cid, LocalDate.parse(this.today))).isEqualTo(3);
	}

	@Test
	void residentAndCanteenPages() throws Exception {
		var resident = Pages.signIn(this.mvc, this.station.residentA());
		this.mvc.perform(get("/app/meals").session(resident.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("红烧肉")))
			.andExpect(content().string(containsString("王奶奶")))
			.andExpect(content().string(not(containsString("王建国"))))
			.andExpect(content().string(not(containsString("李大爷"))));
		this.mvc.perform(post("/app/meals/orders").session(resident.session()).with(csrf()).param("day", this.today)
			.param("personId", this.station.person("wang-elder").toString()).param("delivery", "true"))
			.andExpect(flash().attribute("ordered", true));
		var staff = Pages.signIn(this.mvc, this.station.staff());
		String path = "/console/communities/{cid}/concierge/meals";
		this.mvc.perform(get(path + "?room=1-1-102", this.station.id()).session(staff.session()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("李大爷")));
		this.mvc.perform(post(path + "/orders", this.station.id()).session(staff.session()).with(csrf())
			.param("day", this.today).param("personId", this.station.person("li-elder").toString()))
			.andExpect(flash().attribute("ordered", true));
		this.mvc.perform(post(path + "/menu", this.station.id()).session(staff.session()).with(csrf())
			.param("day", this.today).param("dishes", "x").param("price", "abc").param("subsidy", "0"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(get(path + "/kitchen?day={d}", this.station.id(), this.today).session(staff.session()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("1号楼 1-101")))
			.andExpect(content().string(containsString("1号楼 1-102")))
			.andExpect(content().string(not(containsString("王奶奶"))));
		this.mvc.perform(get(path + "/kitchen", this.station.id()).session(resident.session()))
			.andExpect(status().isForbidden());
	}

}
