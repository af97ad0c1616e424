package org.linli.governance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.governance.domain.RollQueries;
import org.linli.governance.domain.VoteService;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roll as the binary COPY writes it: exact areas and arrays read back, entry ids in position order, and owners
 * found through the person index once it is filled after the opening (co-owner, designated voter, tenant). The frozen
 * document: its entries are exactly the expanded roll, it never changes, and whoever reads the roll before the
 * expansion after the opening has run expands it first.
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

	@Autowired
	VoteService votes;

	@Autowired
	RollQueries roll;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

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
		awaitExpanded(vid);
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

		// the person index is filled with the entries: every owner person once, tenants never
		awaitExpanded(vid);
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

	@Test
	void theDocumentIsExactlyTheExpandedRollAndNeverChanges() throws Exception {
		String vid = openVote();
		awaitExpanded(vid);
		Map<String, Object> frozen = this.jdbc.sql("""
				select entries, sha256 = sha256(document) as hashed,
				       document = governance.roll_document(community_id, vote_id) as same
				  from governance.vote_roll where vote_id = :v::uuid
				""").param("v", vid).query().singleRow();
		// the layout V98 builds from the entries' rows is byte for byte what the opening wrote
		assertThat(frozen).containsEntry("entries", 5).containsEntry("hashed", true).containsEntry("same", true);

		assertThatThrownBy(() -> this.jdbc.sql("update governance.vote_roll set document = document || '\\x00'::bytea "
				+ "where vote_id = :v::uuid").param("v", vid).update()).hasMessageContaining("never changes");
		assertThatThrownBy(() -> this.jdbc.sql("update governance.vote_roll set expanded_at = now() "
				+ "where vote_id = :v::uuid").param("v", vid).update()).hasMessageContaining("never changes");
		assertThatThrownBy(() -> this.jdbc.sql("delete from governance.vote_roll where vote_id = :v::uuid")
			.param("v", vid).update()).hasMessageContaining("never deleted");
	}

	@Test
	void aReadRightAfterTheOpeningExpandsTheRollFirstAndSeesAllOfIt() {
		UUID vid = this.votes.create(this.compound.id(), "名册展开", "OTHER", null,
				OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7), null, "committee");
		// in the opening's own transaction the listener has not run (it runs after the commit): the entries are not
		// there until the first read expands them
		new org.springframework.transaction.support.TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			var vote = this.votes.open(vid, "committee");
			assertThat(voterRows(vid)).isZero();
			var entry = this.roll.ofPerson(vote, this.compound.person("c")).orElseThrow();
			assertThat(entry.personIds()).containsExactly(this.compound.person("b"), this.compound.person("c"));
			assertThat(entry.designated()).isEqualTo(this.compound.person("b"));
			assertThat(voterRows(vid)).isEqualTo(5);
			assertThat(this.roll.all(vote)).hasSize(5);
			assertThat(voterRows(vid)).isEqualTo(5);
		});
		// after the commit the listener finds the roll expanded and adds nothing
		awaitExpanded(vid.toString());
		assertThat(voterRows(vid)).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from governance.voter_person where vote_id = :v")
			.param("v", vid).query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void aBallotRightAfterTheOpeningFindsItsEntry() throws Exception {
		String ownerE = Api.token(this.mvc, this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String vid = openVote();
		post(ownerE, "/api/v1/votes/{vid}/ballots", Map.of("choice", "REJECT"), vid).andExpect(status().isCreated());
		awaitExpanded(vid);
		assertThat(voterRows(UUID.fromString(vid))).isEqualTo(5);
	}

	private String openVote() throws Exception {
		String vid = Api.body(post(this.committee, "/api/v1/communities/{cid}/votes",
				Map.of("title", "名册文件", "matter", "OTHER", "closesAt",
						OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0).toString()),
				this.compound.id())
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		return vid;
	}

	private long voterRows(UUID vid) {
		return this.jdbc.sql("select count(*) from governance.voter where vote_id = :v").param("v", vid)
			.query(Long.class).single();
	}

	private void awaitExpanded(String vid) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc
			.sql("select expanded_at is not null from governance.vote_roll where vote_id = :v::uuid").param("v", vid)
			.query(Boolean.class).single());
	}

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

}
