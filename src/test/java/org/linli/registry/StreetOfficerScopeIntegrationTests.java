package org.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A street officer scoped by region serves every compound of the street, including ones placed there later. */
@LinliIntegrationTest
class StreetOfficerScopeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anOfficerServesTheCompoundsOfTheirStreetAndNoOthers() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String province = id(region(admin, null, "PROVINCE", "范围省" + suffix));
		String city = id(region(admin, province, "CITY", "范围市"));
		String district = id(region(admin, city, "DISTRICT", "范围区"));
		String street = id(region(admin, district, "STREET", "东街道"));
		String otherStreet = id(region(admin, district, "STREET", "西街道"));
		String east = compound(admin, "east-" + suffix);
		String west = compound(admin, "west-" + suffix);
		place(admin, east, street);
		place(admin, west, otherStreet);

		Api.createAccount(this.mvc, admin, Map.of("username", "officer-" + suffix, "password", "Officer#2026x",
				"displayName", "街道干部", "roles", List.of("STREET_OFFICER"), "regionIds", List.of(street)))
			.andExpect(status().isCreated());
		String officer = Api.token(this.mvc, "officer-" + suffix, "Officer#2026x");

		this.mvc.perform(bearer(get("/api/v1/communities"), officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(contains(east)));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms", west), officer))
			.andExpect(status().isForbidden());

		// a compound placed under the street later is served from the next request on
		String later = compound(admin, "later-" + suffix);
		place(admin, later, street);
		this.mvc.perform(bearer(get("/api/v1/me"), officer))
			.andExpect(jsonPath("$.communityIds").value(containsInAnyOrder(east, later)))
			.andExpect(jsonPath("$.communityIds").value(not(hasItem(west))));

		// scoping the whole district serves both streets
		Api.createAccount(this.mvc, admin, Map.of("username", "district-" + suffix, "password", "Officer#2026x",
				"displayName", "区干部", "roles", List.of("STREET_OFFICER"), "regionIds", List.of(district)))
			.andExpect(status().isCreated());
		this.mvc.perform(bearer(get("/api/v1/me"), Api.token(this.mvc, "district-" + suffix, "Officer#2026x")))
			.andExpect(jsonPath("$.communityIds").value(containsInAnyOrder(east, west, later)));
	}

	@Test
	void onlyStreetOfficersAreScopedByRegion() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		Api.createAccount(this.mvc, admin, Map.of("username", "regional-staff", "password", "Officer#2026x",
				"displayName", "物业", "roles", List.of("PROPERTY_STAFF"), "regionIds",
				List.of(UUID.randomUUID().toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionIds"));
	}

	@Test
	void theDemoStreetOfficerServesTheDemoCompoundThroughItsStreet() throws Exception {
		this.mvc.perform(bearer(get("/api/v1/communities"), Api.token(this.mvc, "street")))
			.andExpect(jsonPath("$[*].code").value(hasItem("xingfuli")));
	}

	private ResultActions region(String token, String parent, String level, String name) throws Exception {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("parentId", parent);
		body.put("level", level);
		body.put("name", name);
		return this.mvc.perform(bearer(post("/api/v1/regions"), token).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(body)));
	}

	private String compound(String admin, String code) throws Exception {
		return id(this.mvc.perform(bearer(post("/api/v1/communities"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", code, "name", code, "address", "范围市")))));
	}

	private void place(String admin, String community, String region) throws Exception {
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/region", community), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("regionId", region))))
			.andExpect(status().isOk());
	}

	private static String id(ResultActions result) throws Exception {
		return Api.body(result.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

}
