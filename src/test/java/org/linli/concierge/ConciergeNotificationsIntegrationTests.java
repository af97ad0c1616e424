package org.linli.concierge;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A parcel's arrival reaches the inbox of the household living in the room, with its pickup code, and nobody else. */
@LinliIntegrationTest
class ConciergeNotificationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	Station station;

	@BeforeEach
	void setUp() throws Exception {
		this.station = Station.create(this.registry, this.identity, this.mvc, "notice");
	}

	@Test
	void theHouseholdIsToldItsPickupCode() throws Exception {
		UUID room = this.registry.roomByLabel(this.station.id(), "1-1-101").orElseThrow().roomId();
		String staff = this.station.token(this.mvc, this.station.staff());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/parcels", this.station.id()), staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("trackingNumber", "YT" + System.nanoTime() % 1_000_000_000L, "carrier", "圆通速递",
					"roomId", room.toString()))))
			.andExpect(status().isCreated());
		String code = this.mvc.perform(bearer(get("/api/v1/communities/{cid}/parcels", this.station.id()),
				this.station.token(this.mvc, this.station.residentA())))
			.andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"pickupCode\":\"(\\d{6})\".*", "$1");

		String residentA = this.station.token(this.mvc, this.station.residentA());
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> this.mvc
			.perform(bearer(get("/api/v1/notifications"), residentA))
			.andExpect(jsonPath("$.content[*].title").value(hasItem("您有快递待取，取件码 " + code))));
		// the household next door hears nothing of it
		this.mvc.perform(bearer(get("/api/v1/notifications"), this.station.token(this.mvc, this.station.residentB())))
			.andExpect(jsonPath("$.content[*].title").value(not(hasItem("您有快递待取，取件码 " + code))));
	}

}
