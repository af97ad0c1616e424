package org.linli.governance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The governance contract of API.md on a compound of its own: create, open (roll frozen by the headcount rules), online,
 * paper and proxy ballots, one ballot per owner, a second account confirming, close with the exact result, and who
 * may do what.
 */
@LinliIntegrationTest
@RecordApplicationEvents
class VotesApiIntegrationTests {

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

	@Autowired
	org.linli.renovation.FundUseDecisions fundUse;

	Compound compound;

	String committee;

	String staff;

	String manager;

	@BeforeEach
	void setUp() throws Exception {
		this.compound = Compound.create(this.registry, this.identity);
		this.committee = token(this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
		this.staff = token(this.compound.account(this.identity, "staff", Role.PROPERTY_STAFF, null));
		this.manager = token(this.compound.account(this.identity, "manager", Role.PROPERTY_MANAGER, null));
	}

	@Test
	void aVoteRunsFromDraftToAnExactResult() throws Exception {
		// owners with an account when the vote opens are served its notice in the app
		String ownerB = token(this.compound.account(this.identity, "owner-b", Role.RESIDENT, "b"));
		String ownerC = token(this.compound.account(this.identity, "owner-c", Role.RESIDENT, "c"));
		String ownerE = token(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String tenant = token(this.compound.account(this.identity, "tenant", Role.RESIDENT, "t"));
		String vid = createVote(this.committee, "FUND_RAISE");
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.totalArea").value("500.00"))
			.andExpect(jsonPath("$.totalOwners").value(5));

		JsonNode roll = Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), this.committee))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andReturn());
		Map<String, String> voterOf = new HashMap<>();
		for (JsonNode entry : roll) {
			for (JsonNode person : entry.get("personIds")) {
				voterOf.put(person.asString(), entry.get("voterId").asString());
			}
			if (entry.get("personIds").isEmpty()) {
				voterOf.put("developer", entry.get("voterId").asString());
				assertThat(entry.get("roomIds").size()).isEqualTo(3);
				assertThat(entry.get("area").asString()).isEqualTo("100.00");
			}
		}
		JsonNode ownerA = entryOf(roll, voterOf.get(this.compound.person("a").toString()));
		assertThat(ownerA.get("roomIds").size()).isEqualTo(2);
		assertThat(ownerA.get("area").asString()).isEqualTo("150.00");
		assertThat(voterOf.get(this.compound.person("b").toString()))
			.isEqualTo(voterOf.get(this.compound.person("c").toString()));
		assertThat(voterOf).doesNotContainKey(this.compound.person("t").toString());

		post(ownerB, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isCreated());
		post(ownerB, "/api/v1/votes/{vid}/ballots", Map.of("choice", "REJECT"), vid).andExpect(status().isConflict());
		post(ownerC, "/api/v1/votes/{vid}/ballots", Map.of("choice", "REJECT"), vid)
			.andExpect(status().isForbidden());
		post(tenant, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid)
			.andExpect(status().isForbidden());
		post(ownerE, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isCreated());

		// paper ballot for A: entered by staff, the same account cannot confirm it, another one can
		String paper = Api.body(post(this.staff, "/api/v1/votes/{vid}/paper-ballots",
				Map.of("voterId", voterOf.get(this.compound.person("a").toString()), "choice", "APPROVE"), vid)
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		post(this.staff, "/api/v1/votes/{vid}/paper-ballots/{id}/confirm", null, vid, paper)
			.andExpect(status().isConflict());
		assertThat(progress(vid).get("votedOwners").asLong()).isEqualTo(2);
		post(this.manager, "/api/v1/votes/{vid}/paper-ballots/{id}/confirm", null, vid, paper)
			.andExpect(status().isOk());
		post(this.committee, "/api/v1/votes/{vid}/paper-ballots",
				Map.of("voterId", voterOf.get(this.compound.person("a").toString()), "choice", "REJECT"), vid)
			.andExpect(status().isConflict());

		// written proxy for D: the authorisation is required
		String voterD = voterOf.get(this.compound.person("d").toString());
		this.mvc.perform(bearer(multipart("/api/v1/votes/{vid}/proxy-ballots", vid), this.committee)
			.param("voterId", voterD).param("choice", "REJECT").param("proxyName", "周代理"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("authorisation"));
		String proxy = Api.body(this.mvc.perform(bearer(multipart("/api/v1/votes/{vid}/proxy-ballots", vid)
			.file(new MockMultipartFile("authorisation", "委托书.pdf", "application/pdf", "%PDF-1.4 委托".getBytes())),
				this.committee)
			.param("voterId", voterD).param("choice", "REJECT").param("proxyName", "周代理"))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		post(this.staff, "/api/v1/votes/{vid}/paper-ballots/{id}/confirm", null, vid, proxy).andExpect(status().isOk());

		JsonNode live = progress(vid);
		assertThat(live.get("votedArea").asString()).isEqualTo("400.00");
		assertThat(live.get("areaQuorumReached").asBoolean()).isTrue();

		// 400 of 500 m2 and 4 of 5 owners took part; B, E, A approve: 330 m2 (>= 3/4 of 400) and 3 of 4 owners (3/4
		// exactly, "以上" includes it) -> adopted
		post(this.committee, "/api/v1/votes/{vid}/close", null, vid).andExpect(status().isOk())
			.andExpect(jsonPath("$.adopted").value(true));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/result", vid), ownerC))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalArea").value("500.00"))
			.andExpect(jsonPath("$.totalOwners").value(5))
			.andExpect(jsonPath("$.participatingArea").value("400.00"))
			.andExpect(jsonPath("$.participatingOwners").value(4))
			.andExpect(jsonPath("$.approveArea").value("330.00"))
			.andExpect(jsonPath("$.approveOwners").value(3))
			.andExpect(jsonPath("$.quorumMet").value(true))
			.andExpect(jsonPath("$.adopted").value(true));
		assertThat(this.events.stream(VoteTallied.class)
			.filter(e -> e.voteId().toString().equals(vid))
			.map(e -> e.result().adopted())).containsExactly(true);
		// the tally is in the compound's public ledger with the figures to recompute it, naming nobody
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/tree-head", this.compound.id()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.treeSize").value(org.hamcrest.Matchers.greaterThan(0)));
		this.mvc.perform(get("/api/v1/public/ledgers/{cid}/entries", this.compound.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].payload").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("\"VOTE_TALLY\""), org.hamcrest.Matchers.containsString(vid),
					org.hamcrest.Matchers.containsString("\"approveArea\":\"330.00\""),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("周代理"))))));
		// an adopted vote of another matter is no licence to spend the maintenance fund
		assertThat(this.fundUse.isAdoptedFundUse(this.compound.id(), java.util.UUID.fromString(vid))).isFalse();
		// every owner with an account was served the notice in the app
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(bearer(get("/api/v1/notifications"), ownerE))
				.andExpect(jsonPath("$.content[*].link").value(org.hamcrest.Matchers.hasItem("/app/votes/" + vid))));
		this.mvc.perform(bearer(get("/api/v1/notifications"), tenant))
			.andExpect(jsonPath("$.content[*].link").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("/app/votes/" + vid))));

		// after the close: no ballot, and the database refuses any change to the counted ones
		post(this.staff, "/api/v1/votes/{vid}/paper-ballots",
				Map.of("voterId", voterOf.get("developer"), "choice", "APPROVE"), vid)
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> this.jdbc.sql("update governance.ballot set choice = 'REJECT' where vote_id = :v::uuid")
			.param("v", vid).update()).hasMessageContaining("closed");
		assertThatThrownBy(() -> this.jdbc.sql("delete from governance.ballot where vote_id = :v::uuid")
			.param("v", vid).update()).hasMessageContaining("closed");
	}

	@Test
	void halfIsNotAMajorityAndNonVotersDoNotApprove() throws Exception {
		String vid = createVote(this.committee, "PROPERTY_COMPANY");
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		JsonNode roll = Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), this.committee)).andReturn());
		// every owner votes on paper: A (150) and D (70) approve; B/C (80), E (100), developer (100) reject
		for (JsonNode entry : roll) {
			String voter = entry.get("voterId").asString();
			boolean approve = entry.get("area").asString().equals("150.00") || entry.get("area").asString().equals("70.00");
			String id = Api.body(post(this.staff, "/api/v1/votes/{vid}/paper-ballots",
					Map.of("voterId", voter, "choice", approve ? "APPROVE" : "REJECT"), vid)
				.andExpect(status().isCreated()).andReturn()).get("id").asString();
			post(this.committee, "/api/v1/votes/{vid}/paper-ballots/{id}/confirm", null, vid, id)
				.andExpect(status().isOk());
		}
		post(this.committee, "/api/v1/votes/{vid}/close", null, vid).andExpect(status().isOk())
			.andExpect(jsonPath("$.participatingOwners").value(5))
			.andExpect(jsonPath("$.approveArea").value("220.00"))
			.andExpect(jsonPath("$.approveOwners").value(2))
			.andExpect(jsonPath("$.quorumMet").value(true))
			.andExpect(jsonPath("$.adopted").value(false));
	}

	@Test
	void onlyTheCommitteeRunsVotesAndOnlyStaffEnterBallots() throws Exception {
		String resident = token(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String street = token(this.compound.account(this.identity, "street", Role.STREET_OFFICER, null));
		for (String caller : new String[] { this.staff, this.manager, resident, street }) {
			post(caller, "/api/v1/communities/{cid}/votes", newVote("OTHER"), this.compound.id())
				.andExpect(status().isForbidden());
		}
		String vid = createVote(this.committee, "OTHER");
		post(this.staff, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isForbidden());
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isConflict());
		String voter = Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), street))
			.andExpect(status().isOk()).andReturn()).get(0).get("voterId").asString();
		post(resident, "/api/v1/votes/{vid}/paper-ballots", Map.of("voterId", voter, "choice", "APPROVE"), vid)
			.andExpect(status().isForbidden());
		post(street, "/api/v1/votes/{vid}/paper-ballots", Map.of("voterId", voter, "choice", "APPROVE"), vid)
			.andExpect(status().isForbidden());
		post(this.staff, "/api/v1/votes/{vid}/paper-ballots", Map.of("voterId", voter, "choice", "MAYBE"), vid)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("choice"));
		post(this.staff, "/api/v1/votes/{vid}/close", null, vid).andExpect(status().isForbidden());
		post(street, "/api/v1/votes/{vid}/close", null, vid).andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/result", vid), this.committee))
			.andExpect(status().isConflict());

		// the demo compound's accounts serve another community: refused
		for (String outsider : new String[] { "resident", "committee", "staff" }) {
			String token = Api.token(this.mvc, outsider);
			this.mvc.perform(bearer(get("/api/v1/votes/{vid}", vid), token)).andExpect(status().isForbidden());
			this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), token)).andExpect(status().isForbidden());
			post(token, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid)
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void ownersSeeTheRollMaskedAndOnlyTheirOwnBallot() throws Exception {
		String vid = createVote(this.committee, "COVENANT");
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		String ownerB = token(this.compound.account(this.identity, "owner-b", Role.RESIDENT, "b"));
		String ownerE = token(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		post(ownerB, "/api/v1/votes/{vid}/ballots", Map.of("choice", "REJECT"), vid).andExpect(status().isCreated());
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), ownerE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[0].personIds.length()").value(0))
			.andExpect(jsonPath("$[0].owners").value("张*一"))
			.andExpect(jsonPath("$[0].area").value("150.00"));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), this.committee))
			.andExpect(jsonPath("$[0].owners").value("张甲一"));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/ballots/mine", vid), ownerB))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.choice").value("REJECT"));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/ballots/mine", vid), ownerE)).andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/ballots", vid), ownerE)).andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/ballots", vid), this.staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void anOwnersProposalIsReviewedAndPutToAVote() throws Exception {
		String ownerE = token(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String id = Api.body(post(ownerE, "/api/v1/communities/{cid}/proposals",
				Map.of("title", "更换小区门禁", "matter", "OTHER", "body", "门禁系统老化"), this.compound.id())
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		post(ownerE, "/api/v1/proposals/{id}/review", Map.of("approve", true), id).andExpect(status().isForbidden());
		post(this.committee, "/api/v1/proposals/{id}/vote", Map.of("closesAt", newVote("OTHER").get("closesAt")), id)
			.andExpect(status().isConflict());
		post(this.committee, "/api/v1/proposals/{id}/review", Map.of("approve", false), id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		post(this.committee, "/api/v1/proposals/{id}/review", Map.of("approve", true, "note", "同意提交表决"), id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.drafterKind").value("OWNER"));
		String vote = Api.body(post(this.committee, "/api/v1/proposals/{id}/vote",
				Map.of("closesAt", newVote("OTHER").get("closesAt")), id)
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}", vote), this.committee))
			.andExpect(jsonPath("$.title").value("更换小区门禁"))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		// owners do not see drafts
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}", vote), ownerE)).andExpect(status().isNotFound());
	}

	private JsonNode progress(String vid) throws Exception {
		return Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}", vid), this.committee))
			.andExpect(status().isOk()).andReturn());
	}

	private static JsonNode entryOf(JsonNode roll, String voterId) {
		for (JsonNode entry : roll) {
			if (entry.get("voterId").asString().equals(voterId)) {
				return entry;
			}
		}
		throw new AssertionError("no entry " + voterId);
	}

	private String createVote(String token, String matter) throws Exception {
		return Api.body(post(token, "/api/v1/communities/{cid}/votes", newVote(matter), this.compound.id())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()).get("id").asString();
	}

	private static Map<String, Object> newVote(String matter) {
		return Map.of("title", "表决 " + matter, "matter", matter, "closesAt",
				OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0).toString());
	}

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

	private String token(String username) throws Exception {
		return Api.token(this.mvc, username);
	}

}
