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

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET/POST /api/v1/communities: counts of the demo compound and scoping by account. */
@LinliIntegrationTest
class CommunitiesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void staffSeeTheDemoCompoundWithItsCounts() throws Exception {
		String token = Api.token(this.mvc, "manager");
		this.mvc.perform(bearer(get("/api/v1/communities"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value("xingfuli"))
			.andExpect(jsonPath("$[0].name").value("幸福里小区"))
			.andExpect(jsonPath("$[0].buildings").value(14))
			.andExpect(jsonPath("$[0].rooms").value(1500))
			.andExpect(jsonPath("$[0].households").value(1500))
			.andExpect(jsonPath("$[0].persons").value(org.hamcrest.Matchers.greaterThan(3000)))
			.andExpect(jsonPath("$[0].id").isString());
	}

	@Test
	void anAccountSeesOnlyTheCommunitiesItServes() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		var created = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", code, "name", "测试小区", "address", "测试路1号"))))
			.andExpect(status().isCreated())
			.andReturn());
		String id = created.get("id").asString();

		String username = "scoped" + UUID.randomUUID().toString().substring(0, 6);
		Api.createAccount(this.mvc, admin, username, "Scoped#Pass1", List.of("PROPERTY_STAFF"), List.of(id))
			.andExpect(status().isCreated());
		String scoped = Api.token(this.mvc, username, "Scoped#Pass1");
		this.mvc.perform(bearer(get("/api/v1/communities"), scoped))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value(code))
			.andExpect(jsonPath("$[*].code").value(not(hasItem("xingfuli"))));

		// the demo manager does not see the new compound; the platform admin sees both
		this.mvc.perform(bearer(get("/api/v1/communities"), Api.token(this.mvc, "manager")))
			.andExpect(jsonPath("$[*].code").value(not(hasItem(code))));
		this.mvc.perform(bearer(get("/api/v1/communities"), admin))
			.andExpect(jsonPath("$[*].code").value(hasItem(code)))
			.andExpect(jsonPath("$[*].code").value(hasItem("xingfuli")));
	}

	@Test
	void theListedCountsStayExactWhenRowsComeAndGo() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "count-" + UUID.randomUUID().toString().substring(0, 8);
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", code, "name", "计数小区"))))
			.andExpect(jsonPath("$.rooms").value(0))
			.andReturn()).get("id").asString();
		UUID community = UUID.fromString(id);
		UUID building = UUID.randomUUID();
		this.jdbc.sql("insert into registry.building (id, community_id, name) values (:b, :c, '1号楼')")
			.param("b", building).param("c", community).update();
		for (int i = 1; i <= 3; i++) {
			this.jdbc.sql("""
					insert into registry.room (id, community_id, building_id, unit, floor, number, exclusive_area,
					  area_source) values (gen_random_uuid(), :c, :b, '1', 1, :n, 80.00, 'REGISTERED')
					""").param("c", community).param("b", building).param("n", "10" + i).update();
		}
		this.jdbc.sql("delete from registry.room where community_id = :c and number = '101'").param("c", community)
			.update();
		this.mvc.perform(bearer(get("/api/v1/communities"), admin))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].buildings").value(org.hamcrest.Matchers.contains(1)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].rooms").value(org.hamcrest.Matchers.contains(2)));
		var stored = this.jdbc.sql("select rooms, households, persons from registry.community_count "
				+ "where community_id = (select id from registry.community where code = 'xingfuli')")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
		var counted = this.jdbc.sql("""
				select (select count(*) from registry.room r where r.community_id = c.id),
				       (select count(*) from registry.household h where h.community_id = c.id),
				       (select count(*) from registry.person p where p.community_id = c.id and p.merged_into is null)
				  from registry.community c where c.code = 'xingfuli'
				""").query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
		org.assertj.core.api.Assertions.assertThat(stored).isEqualTo(counted);
	}

	@Test
	void badOrDuplicateCommunitiesAreRefusedWithFieldErrors() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		this.mvc.perform(bearer(post("/api/v1/communities"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", "BAD CODE!", "name", "x"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		this.mvc.perform(bearer(post("/api/v1/communities"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", "xingfuli", "name", "重复"))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(post("/api/v1/communities"), Api.token(this.mvc, "manager"))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", "mine", "name", "我的"))))
			.andExpect(status().isForbidden());
	}

}
