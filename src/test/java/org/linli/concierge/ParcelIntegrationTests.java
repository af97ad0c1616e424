package org.linli.concierge;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Parcels: staff register arrivals (a repeated scan is idempotent), the household sees its pickup code and is
 * notified through an event, the handover is recorded by code, overdue parcels are listed; nobody sees another
 * household's parcels.
 */
@LinliIntegrationTest
@RecordApplicationEvents
class ParcelIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	ApplicationEvents events;

	Station station;

	UUID room101;

	UUID room102;

	@BeforeEach
	void setUp() throws Exception {
		this.station = Station.create(this.registry, this.identity, this.mvc, "parcel");
		this.room101 = this.registry.roomByLabel(this.station.id(), "1-1-101").orElseThrow().roomId();
		this.room102 = this.registry.roomByLabel(this.station.id(), "1-1-102").orElseThrow().roomId();
	}

	@Test
	void arrivalPickupCodeAndHandoverThroughTheApi() throws Exception {
		String staff = this.station.token(this.mvc, this.station.staff());
		String tracking = "SF" + System.nanoTime() % 10_000_000_000L;
		String parcelId = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", tracking.toLowerCase(), "carrier", "顺丰速运", "roomId",
					this.room101.toString(), "shelf", "A-03")))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.trackingNumber").value(tracking))
			.andExpect(jsonPath("$.room").value("1号楼 1-101"))
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.pickupCode").doesNotExist())
			.andExpect(jsonPath("$.arrivedAt").value(containsString("+08:00")))
			.andReturn()).get("id").asString();

		// the household is to be notified: one event with the pickup code, for the room and its household
		var arrived = this.events.stream(ParcelArrived.class).filter(e -> e.parcelId().toString().equals(parcelId))
			.toList();
		assertThat(arrived).hasSize(1);
		assertThat(arrived.getFirst().roomId()).isEqualTo(this.room101);
		assertThat(arrived.getFirst().householdId()).isNotNull();
		assertThat(arrived.getFirst().carrier()).isEqualTo("顺丰速运");
		String code = arrived.getFirst().pickupCode();
		assertThat(code).matches("\\d{6}");

		// a repeated scan answers the same parcel with 200 and publishes nothing
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", " " + tracking + " ", "carrier", "顺丰速运", "room", "1-1-101"))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(parcelId));
		assertThat(this.events.stream(ParcelArrived.class).filter(e -> e.parcelId().toString().equals(parcelId)))
			.hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from concierge.parcel where community_id = :c and tracking_number = :t")
			.param("c", this.station.id()).param("t", tracking).query(Long.class).single()).isEqualTo(1);
		// the same number for another room is a mistake to check, not a second parcel
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", tracking, "carrier", "顺丰速运", "room", "1-1-102"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));

		// the household sees its code; the neighbours see nothing of it
		String residentA = this.station.token(this.mvc, this.station.residentA());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels", this.station.id()), residentA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(parcelId))
			.andExpect(jsonPath("$.content[0].pickupCode").value(code))
			.andExpect(jsonPath("$.page.totalElements").value(1));
		String residentB = this.station.token(this.mvc, this.station.residentB());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels", this.station.id()), residentB))
			.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels/{id}", this.station.id(), parcelId), residentB))
			.andExpect(status().isNotFound());
		// a resident never registers or hands over parcels; another community's resident cannot even look
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels/pickups", this.station.id()), residentA)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", code))))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels", this.station.id()), Api.token(this.mvc, "resident")))
			.andExpect(status().isForbidden());

		// handover: a mistyped code is refused before any lookup; the right one hands over once
		String typo = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels/pickups", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", typo))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].code").value("concierge.parcel.code.invalid"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels/pickups", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", code))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(parcelId))
			.andExpect(jsonPath("$.status").value("PICKED_UP"));
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels/pickups", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", code))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("concierge.parcel.code.unknown"));
		assertThat(this.events.stream(ParcelPickedUp.class).filter(e -> e.parcelId().toString().equals(parcelId)))
			.hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action in ('REGISTER parcel', "
				+ "'HAND OVER parcel') and object = :o").param("o", "parcel " + parcelId).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void invalidArrivalsAnswerFieldErrors() throws Exception {
		String staff = this.station.token(this.mvc, this.station.staff());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", "12", "carrier", "", "room", "9-9-909"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("trackingNumber",
					"carrier", "room")));
		assertThat(this.jdbc.sql("select count(*) from concierge.parcel where community_id = :c")
			.param("c", this.station.id()).query(Long.class).single()).isZero();
	}

	@Test
	void overdueParcelsFollowTheCommunitySetting() throws Exception {
		String staff = this.station.token(this.mvc, this.station.staff());
		String old = register(staff, "YT" + UUID.randomUUID().toString().substring(0, 10), this.room101);
		register(staff, "YT" + UUID.randomUUID().toString().substring(0, 10), this.room102);
		// the first parcel arrived four days ago
		this.jdbc.sql("update concierge.parcel set arrived_at = arrived_at - interval '4 days' where id = :id")
			.param("id", UUID.fromString(old)).update();
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels?view=OVERDUE", this.station.id()), staff))
			.andExpect(jsonPath("$.page.totalElements").value(1)).andExpect(jsonPath("$.content[0].id").value(old))
			.andExpect(jsonPath("$.content[0].overdue").value(true));
		// a manager raises the limit to five days: nothing is overdue any more
		String manager = this.station.token(this.mvc, this.station.manager());
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", 2, "parcelOverdueDays", 5, "mealCapacity", 200, "version", 0))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.parcelOverdueDays").value(5));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels?view=OVERDUE", this.station.id()), staff))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		// staff may not change settings; a stale version is refused
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", 2, "parcelOverdueDays", 1, "mealCapacity", 200, "version", 1))))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", 2, "parcelOverdueDays", 1, "mealCapacity", 200, "version", 0))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/communities/{cid}/concierge-settings", this.station.id()), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("cancelHours", -1, "parcelOverdueDays", 0, "mealCapacity", 200, "version", 1))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("cancelHours", "parcelOverdueDays")));
	}

	@Test
	void theCounterPagesRegisterAndHandOverAndResidentsSeeOnlyTheirOwnCodes() throws Exception {
		var staff = Pages.signIn(this.mvc, this.station.staff());
		String path = "/console/communities/{cid}/concierge/parcels";
		String tracking = "JD" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
		this.mvc.perform(post(path, this.station.id()).session(staff.session()).with(csrf())
			.param("trackingNumber", tracking).param("carrier", "京东物流").param("room", "1号楼1单元102"))
			.andExpect(flash().attribute("registered", true));
		this.mvc.perform(post(path, this.station.id()).session(staff.session()).with(csrf())
			.param("trackingNumber", "x").param("carrier", "京东物流").param("room", "1-1-102"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(get(path, this.station.id()).session(staff.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString(tracking)));
		String code = this.jdbc.sql("select pickup_code from concierge.parcel where tracking_number = :t")
			.param("t", tracking).query(String.class).single();

		var residentB = Pages.signIn(this.mvc, this.station.residentB());
		this.mvc.perform(get("/app/parcels").session(residentB.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString(code))).andExpect(content().string(containsString(tracking)));
		var residentA = Pages.signIn(this.mvc, this.station.residentA());
		this.mvc.perform(get("/app/parcels").session(residentA.session())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(code))))
			.andExpect(content().string(not(containsString(tracking))));
		// residents never reach the counter
		this.mvc.perform(get(path, this.station.id()).session(residentA.session())).andExpect(status().isForbidden());

		this.mvc.perform(post(path + "/pickup", this.station.id()).session(staff.session()).with(csrf())
			.param("code", code)).andExpect(flash().attribute("pickedUp", true));
		this.mvc.perform(get("/app/parcels").session(residentB.session()))
			.andExpect(content().string(not(containsString(code))));
	}

	@Test
	void theDemoResidentHasAParcelWaiting() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(get("/app/parcels").session(resident.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("SF1402857361")))
			.andExpect(content().string(containsString("pickup-code")));
		this.mvc.perform(get("/app").session(resident.session()))
			.andExpect(content().string(containsString("/app/parcels")));
	}

	private String register(String token, String tracking, UUID room) throws Exception {
		return Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", tracking, "carrier", "圆通速递", "roomId", room.toString()))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

}
