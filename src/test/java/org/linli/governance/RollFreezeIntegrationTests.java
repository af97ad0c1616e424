package org.linli.governance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roll as the binary COPY writes it: exact areas and arrays read back, entry ids in position order, and owners
 * found through the person index once it is filled after the opening (co-owner, designated voter, tenant).
 */
@LinliIntegrationTest
class RollFreezeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	Compound compound;

	String committee;

	@BeforeEach
	void setUp() throws Exception {
		this.compound = Compound.create(this.registry, this.identity);
		this.committee = Api.token(this.mvc,
				this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
	}

	@Test
	void theRollReadsBackExactlyAndOwnersAreFoundThroughThePersonIndex() throws Exception {
		String ownerB = Api.token(this.mvc, this.compound.account(this.identity, "owner-b", Role.RESIDENT, "b"));
		String ownerC = Api.token(this.mvc, this.compound.account(this.identity, "owner-c", Role.RESIDENT, "c"));
		String tenant = Api.token(this.mvc, this.compound.account(this.identity, "tenant", Role.RESIDENT, "t"));
		String vid = Api.body(post(this.committee, "/api/v1/communities/{cid}/votes",
				Map.of("title", "名册", "matter", "OTHER", "closesAt",
						OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0).toString()),
				this.compound.id())
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalArea").value("500.00"));

		// exact values and arrays as written, and ids that ascend with the position
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select id, position, area::text as area, cardinality(room_ids) as rooms, cardinality(person_ids) as persons,
				       kind, notified_at is not null as notified
				  from governance.voter where vote_id = :v::uuid order by position
				""").param("v", vid).query().listOfRows();
		assertThat(rows).extracting(r -> r.get("area")).containsExactly("150.00", "80.00", "70.00", "100.00", "100.00");
		assertThat(rows).extracting(r -> r.get("rooms")).containsExactly(2, 1, 1, 1, 3);
		assertThat(rows).extracting(r -> r.get("persons")).containsExactly(1, 2, 1, 1, 0);
		assertThat(rows.getLast().get("kind")).isEqualTo("DEVELOPER");
		assertThat(rows).allMatch(r -> Boolean.TRUE.equals(r.get("notified")));
		List<UUID> byId = this.jdbc.sql("select id from governance.voter where vote_id = :v::uuid order by id")
			.param("v", vid).query(UUID.class).list();
		assertThat(byId).containsExactlyElementsOf(rows.stream().map(r -> (UUID) r.get("id")).toList());

		// the person index is filled after the opening: every owner person once, tenants never
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc
			.sql("select persons_indexed from governance.vote where id = :v::uuid").param("v", vid)
			.query(Boolean.class).single());
		assertThat(this.jdbc.sql("select count(*) from governance.voter_person where vote_id = :v::uuid")
			.param("v", vid).query(Long.class).single()).isEqualTo(5);
		post(ownerC, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isForbidden());
		post(tenant, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isForbidden());
		post(ownerB, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isCreated());
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/votes/{vid}/ballots/mine", vid), ownerC))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.choice").value("APPROVE"));
	}

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

}
