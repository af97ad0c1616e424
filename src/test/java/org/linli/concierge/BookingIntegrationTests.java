package org.linli.concierge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.concierge.domain.Bookings;
import org.linli.concierge.domain.Caller;
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
 * Bookings: the seeded catalogue, slots with capacity (never overbooked, even in parallel), staff confirm and
 * complete, residents cancel until the deadline, and see only their household's bookings.
 */
@LinliIntegrationTest
class BookingIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	ConciergeApi concierge;

	@Autowired
	Bookings bookings;

	Station station;

	String tomorrow;

	@BeforeEach
	void setUp() throws Exception {
		this.station = Station.create(this.registry, this.identity, this.mvc, "booking");
		assertThat(this.concierge.seedCatalogue(this.station.id())).isEqualTo(20);
		assertThat(this.concierge.seedCatalogue(this.station.id())).isZero();
		this.tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
	}

	@Test
	void theCatalogueHasThePlansThreeCategoriesAndTwentyServices() throws Exception {
		String residentA = this.station.token(this.mvc, this.station.residentA());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/service-categories", this.station.id()), residentA))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services", this.station.id()), residentA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(20))
			.andExpect(jsonPath("$.content[?(@.code == 'PARCEL_COLLECTION')].name").value("代收快递"))
			.andExpect(jsonPath("$.content[?(@.code == 'HOUSEKEEPING')].priceFen").value(5000))
			.andExpect(jsonPath("$.content[?(@.code == 'HOUSEKEEPING')].provider").value("安心家政服务公司"))
			.andExpect(jsonPath("$.content[?(@.code == 'HOUSEKEEPING')].opensAt").value("08:00"))
			.andExpect(jsonPath("$.content[?(@.code == 'APPLIANCE_REPAIR')].bookable").value(true))
			.andExpect(jsonPath("$.content[?(@.code == 'ELDERLY_MEAL')].categoryCode").value("ELDERLY"));
		// the demo compound's catalogue is seeded too
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services", xingfuli), Api.token(this.mvc, "resident")))
			.andExpect(jsonPath("$.page.totalElements").value(20));
	}

	@Test
	void staffKeepTheCatalogue() throws Exception {
		String staff = this.station.token(this.mvc, this.station.staff());
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/services", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.ofEntries(Map.entry("categoryCode", "HOME"), Map.entry("code", "SOFA_CLEANING"),
					Map.entry("name", "沙发清洗"), Map.entry("provider", "洁净家政"), Map.entry("priceFen", 12000),
					Map.entry("priceUnit", "套"), Map.entry("opensAt", "09:00"), Map.entry("closesAt", "17:00"),
					Map.entry("bookable", true), Map.entry("slotMinutes", 120), Map.entry("slotCapacity", 2)))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/services/{id}", this.station.id(), id), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.ofEntries(Map.entry("categoryCode", "HOME"), Map.entry("code", "SOFA_CLEANING"),
					Map.entry("name", "沙发清洗"), Map.entry("provider", "洁净家政"), Map.entry("priceFen", 15000),
					Map.entry("priceUnit", "套"), Map.entry("opensAt", "09:00"), Map.entry("closesAt", "17:00"),
					Map.entry("bookable", true), Map.entry("slotMinutes", 120), Map.entry("slotCapacity", 2),
					Map.entry("active", false), Map.entry("version", 0)))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.priceFen").value(15000))
			.andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.version").value(1));
		// the old version is stale now
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/services/{id}", this.station.id(), id), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.ofEntries(Map.entry("categoryCode", "HOME"), Map.entry("code", "SOFA_CLEANING"),
					Map.entry("name", "沙发清洗"), Map.entry("provider", "洁净家政"), Map.entry("priceFen", 1),
					Map.entry("priceUnit", "套"), Map.entry("opensAt", "09:00"), Map.entry("closesAt", "17:00"),
					Map.entry("version", 0))))).andExpect(status().isConflict());
		// bad input names every field at fault
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/services", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("categoryCode", "NONE", "code", "housekeeping", "name", "", "provider", "p",
					"priceFen", -1, "priceUnit", "次", "opensAt", "18:00", "closesAt", "8am"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers
				.containsInAnyOrder("categoryCode", "code", "name", "priceFen", "closesAt")));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/services", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("categoryCode", "HOME", "code", "HOUSEKEEPING", "name", "重复", "provider", "p",
					"priceFen", 0, "priceUnit", "次", "opensAt", "08:00", "closesAt", "18:00"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
		// inactive services are hidden from residents, residents do not keep the catalogue
		String residentA = this.station.token(this.mvc, this.station.residentA());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services?all=true", this.station.id()), residentA))
			.andExpect(jsonPath("$.page.totalElements").value(20));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/services", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
		// the page form: price in yuan, errors shown by field
		var page = Pages.signIn(this.mvc, this.station.staff());
		this.mvc.perform(post("/console/communities/{cid}/concierge/catalogue", this.station.id())
			.session(page.session()).with(csrf()).param("categoryCode", "DAILY").param("code", "SHOE_REPAIR")
			.param("name", "修鞋").param("provider", "老张修鞋摊").param("price", "12.5").param("priceUnit", "双")
			.param("opensAt", "09:00").param("closesAt", "17:00").param("active", "true"))
			.andExpect(flash().attribute("saved", true));
		this.mvc.perform(post("/console/communities/{cid}/concierge/catalogue", this.station.id())
			.session(page.session()).with(csrf()).param("categoryCode", "DAILY").param("code", "X_Y")
			.param("name", "x").param("provider", "p").param("price", "1.234").param("priceUnit", "次")
			.param("opensAt", "09:00").param("closesAt", "17:00"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(get("/console/communities/{cid}/concierge/catalogue", this.station.id()).session(page.session()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("老张修鞋摊")))
			.andExpect(content().string(containsString("¥12.50")));
	}

	@Test
	void bookConfirmCompleteAndCancelWithinTheRules() throws Exception {
		String service = serviceId("HOUSEKEEPING");
		String residentA = this.station.token(this.mvc, this.station.residentA());
		String staff = this.station.token(this.mvc, this.station.staff());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services/{sid}/slots?date={d}", this.station.id(), service,
				this.tomorrow), residentA))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[1].start").value(this.tomorrow + "T10:00:00+08:00"))
			.andExpect(jsonPath("$[1].available").value(3));
		String booking = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", service, "slotStart", this.tomorrow + "T10:00:00+08:00", "note", "擦窗"))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.room").value("1号楼 1-101")).andExpect(jsonPath("$.priceFen").value(5000))
			.andExpect(jsonPath("$.assisted").value(false)).andReturn()).get("id").asString();
		// a second tap on the same slot does not take a second place
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", service, "slotStart", this.tomorrow + "T10:00:00+08:00"))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services/{sid}/slots?date={d}", this.station.id(), service,
				this.tomorrow), residentA)).andExpect(jsonPath("$[1].booked").value(1));

		// the neighbours neither list nor open it, nor cancel it
		String residentB = this.station.token(this.mvc, this.station.residentB());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/bookings", this.station.id()), residentB))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/bookings/{id}", this.station.id(), booking), residentB))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/cancel", this.station.id(), booking), residentB))
			.andExpect(status().isNotFound());
		// residents do not confirm
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/confirm", this.station.id(), booking), residentA))
			.andExpect(status().isForbidden());

		// staff see the day, confirm, cannot confirm twice, complete
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/bookings?date={d}", this.station.id(), this.tomorrow), staff))
			.andExpect(jsonPath("$.page.totalElements").value(1));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/confirm", this.station.id(), booking), staff))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/confirm", this.station.id(), booking), staff))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/complete", this.station.id(), booking), staff))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/cancel", this.station.id(), booking), residentA))
			.andExpect(status().isConflict());

		// a new booking is cancelled by the household well before the deadline and frees its place
		String second = book(residentA, service, this.tomorrow + "T14:00:00+08:00");
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/cancel", this.station.id(), second), residentA))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/services/{sid}/slots?date={d}", this.station.id(), service,
				this.tomorrow), residentA)).andExpect(jsonPath("$[3].booked").value(0));

		// with a deadline of 48 hours, tomorrow's slot is past it: only the station may cancel now
		String manager = this.station.token(this.mvc, this.station.manager());
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", 48, "parcelOverdueDays", 3, "mealCapacity", 200, "version", 0))))
			.andExpect(status().isOk());
		String third = book(residentA, service, this.tomorrow + "T16:00:00+08:00");
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/cancel", this.station.id(), third), residentA))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("48")));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings/{id}/cancel", this.station.id(), third), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("reason", "服务人员请假"))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.cancelReason").value("服务人员请假"));
	}

	@Test
	void invalidBookingsAnswerFieldErrors() throws Exception {
		String residentA = this.station.token(this.mvc, this.station.residentA());
		String service = serviceId("HOUSEKEEPING");
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", service, "slotStart", this.tomorrow + "T10:30:00+08:00"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slotStart"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", service, "slotStart", "2020-01-01T10:00:00+08:00"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("concierge.booking.slot.past"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", serviceId("PARCEL_COLLECTION"), "slotStart", "tomorrow"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("serviceId", "slotStart")));
		String staff = this.station.token(this.mvc, this.station.staff());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("serviceId", service, "slotStart", this.tomorrow + "T10:00:00+08:00", "room",
					"8-8-808")))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("room"));
	}

	@Test
	void parallelRequestsNeverOverbookASlot() throws Exception {
		// one place per slot, twelve households trying at once through the service (the API adds nothing to the race)
		String service = serviceId("MOVING");
		List<UUID> rooms = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			rooms.add(this.registry.roomByLabel(this.station.id(), i % 3 == 0 ? "1-1-101" : i % 3 == 1 ? "1-1-102"
					: "1-1-201").orElseThrow().roomId());
		}
		UUID cid = this.station.id();
		String slot = this.tomorrow + "T08:00:00+08:00";
		// a second service with three places: three households, each trying four times in parallel
		String housekeeping = serviceId("HOUSEKEEPING");
		CountDownLatch start = new CountDownLatch(1);
		// six at a time: each booking also appends to the audit trail in a transaction of its own (two connections)
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Boolean>> moving = new ArrayList<>();
			List<Future<Boolean>> cleaning = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				UUID room = rooms.get(i);
				moving.add(pool.submit(attempt(start, cid, service, slot, room)));
				cleaning.add(pool.submit(attempt(start, cid, housekeeping, this.tomorrow + "T12:00:00+08:00", room)));
			}
			start.countDown();
			assertThat(moving.stream().filter(BookingIntegrationTests::succeeded).count()).isEqualTo(1);
			assertThat(cleaning.stream().filter(BookingIntegrationTests::succeeded).count()).isEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select count(*) from concierge.booking where community_id = :c and status <> 'CANCELLED' "
				+ "and service_id = :s").param("c", cid).param("s", UUID.fromString(service)).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select booked from concierge.slot_load where community_id = :c and service_id = :s")
			.param("c", cid).param("s", UUID.fromString(housekeeping)).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void residentPagesBookAndCancelInFewStepsAndStaffPagesConfirm() throws Exception {
		String service = serviceId("HEALTH_CHECK");
		var resident = Pages.signIn(this.mvc, this.station.residentB());
		this.mvc.perform(get("/app/services").session(resident.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("健康测量")))
			.andExpect(content().string(containsString("/app/services/" + service)));
		this.mvc.perform(get("/app/services/{sid}?date={d}", service, this.tomorrow).session(resident.session()))
			.andExpect(status().isOk()).andExpect(content().string(containsString(this.tomorrow + "T09:30+08:00")));
		this.mvc.perform(post("/app/services/{sid}/book", service).session(resident.session()).with(csrf())
			.param("slotStart", this.tomorrow + "T09:30+08:00")).andExpect(flash().attribute("booked", true));
		this.mvc.perform(post("/app/services/{sid}/book", service).session(resident.session()).with(csrf())
			.param("slotStart", this.tomorrow + "T09:31+08:00")).andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(get("/app/services").session(resident.session()))
			.andExpect(content().string(containsString("my-bookings")));
		// the other household's page shows none of it
		var other = Pages.signIn(this.mvc, this.station.residentA());
		this.mvc.perform(get("/app/services").session(other.session()))
			.andExpect(content().string(not(containsString("my-bookings"))));
		UUID booking = this.jdbc.sql("select id from concierge.booking where community_id = :c")
			.param("c", this.station.id()).query(UUID.class).single();
		this.mvc.perform(post("/app/bookings/{id}/cancel", booking).session(other.session()).with(csrf()))
			.andExpect(flash().attributeExists("fieldErrors"));

		var staff = Pages.signIn(this.mvc, this.station.staff());
		this.mvc.perform(get("/console/communities/{cid}/concierge/bookings?date={d}", this.station.id(), this.tomorrow)
			.session(staff.session())).andExpect(status().isOk()).andExpect(content().string(containsString("1号楼 1-102")));
		this.mvc.perform(post("/console/communities/{cid}/concierge/bookings/{id}/confirm", this.station.id(), booking)
			.session(staff.session()).with(csrf())).andExpect(flash().attribute("changed", true));
		this.mvc.perform(post("/console/communities/{cid}/concierge/bookings", this.station.id()).session(staff.session())
			.with(csrf()).param("serviceId", service).param("slotStart", this.tomorrow + "T10:00").param("room", "1-1-201"))
			.andExpect(flash().attribute("booked", true));
		assertThat(this.jdbc.sql("select assisted from concierge.booking where community_id = :c and room_label = '1号楼 1-201'")
			.param("c", this.station.id()).query(Boolean.class).single()).isTrue();
		this.mvc.perform(post("/app/bookings/{id}/cancel", booking).session(resident.session()).with(csrf()))
			.andExpect(flash().attribute("cancelled", true));
	}

	private Callable<Boolean> attempt(CountDownLatch start, UUID cid, String service, String slot, UUID room) {
		return () -> {
			start.await();
			try {
				this.bookings.book(cid, Caller.staff("parallel"),
						new Bookings.Request(service, slot, null, room.toString(), null));
				return true;
			}
			catch (DomainException ex) {
				return false;
			}
		};
	}

	private static boolean succeeded(Future<Boolean> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String book(String token, String service, String slot) throws Exception {
		return Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/bookings", this.station.id()), token)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("serviceId", service, "slotStart", slot))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

	private String serviceId(String code) {
		return this.concierge.serviceId(this.station.id(), code).orElseThrow().toString();
	}

}
