package org.linli.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Regions above compounds: each level directly under the one above; compounds under a street or community. */
@LinliIntegrationTest
class RegionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void regionsNestLevelByLevelAndCompoundsSitUnderAStreet() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		String province = id(create(admin, null, "PROVINCE", "13", "示范省" + suffix));
		String city = id(create(admin, province, "CITY", "1307", "示范市"));
		create(admin, province, "STREET", null, "跳级街道").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		create(admin, null, "CITY", null, "无上级市").andExpect(status().isBadRequest());
		create(admin, city, "PLANET", "x", "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(
					org.hamcrest.Matchers.containsInAnyOrder("level", "name", "code")));
		String district = id(create(admin, city, "DISTRICT", "130702", "和平区"));
		String street = id(create(admin, district, "STREET", null, "幸福街道"));
		create(admin, district, "STREET", null, "幸福街道").andExpect(status().isConflict());

		// a compound of its own: the demo compound's street is what the demo street officer serves
		String xingfuli = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", "region-" + suffix, "name", "区域测试小区" + suffix, "address", "示范市"))))
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/region", xingfuli), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("regionId", city))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(put("/api/v1/communities/{cid}/region", xingfuli), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("regionId", street))))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select region_id::text from registry.community where id = :id::uuid")
			.param("id", xingfuli).query(String.class).single()).isEqualTo(street);
		create(Api.token(this.mvc, "manager"), null, "PROVINCE", null, "越权省").andExpect(status().isForbidden());
	}

	private ResultActions create(String token, String parent, String level, String code, String name)
			throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("parentId", parent);
		body.put("level", level);
		body.put("code", code);
		body.put("name", name);
		return this.mvc.perform(bearer(post("/api/v1/regions"), token).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(body)));
	}

	private static String id(ResultActions result) throws Exception {
		return Api.body(result.andExpect(status().isCreated()).andReturn()).get("id").asString();
	}

}
