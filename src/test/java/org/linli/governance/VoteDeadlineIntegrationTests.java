package org.linli.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.governance.domain.VoteDeadlines;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.ledger.LedgerApi;
import org.linli.registry.RegistryApi;
import org.linli.shared.time.MovableClock;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An open vote closes by itself at its deadline: the job (called directly after moving the clock) tallies it by the
 * manual path (result, ledger entry, audit), done by "system", exactly once even when two instances run the job at
 * the same moment; votes not yet due stay open.
 */
@LinliIntegrationTest
class VoteDeadlineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	LedgerApi ledger;

	@Autowired
	VoteDeadlines deadlines;

	@Autowired
	Clock clock;

	Compound compound;

	String committee;

	@BeforeEach
	void setUp() throws Exception {
		this.compound = Compound.create(this.registry, this.identity);
		this.committee = Api.token(this.mvc,
				this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
	}

	@AfterEach
	void realTime() {
		((MovableClock) this.clock).reset();
	}

	@Test
	void aDueVoteIsClosedAndTalliedOnceEvenByTwoInstancesAtOnce() throws Exception {
		String ownerE = Api.token(this.mvc, this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String due = openVote(Duration.ofMinutes(30));
		String later = openVote(Duration.ofHours(3));
		post(ownerE, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), due).andExpect(status().isCreated());

		assertThat(this.deadlines.run()).doesNotContain(UUID.fromString(due), UUID.fromString(later));
		assertThat(voteStatus(due)).isEqualTo("OPEN");

		((MovableClock) this.clock).advance(Duration.ofMinutes(31));
		// two instances run the job at the same moment: the row lock lets only one of them close the vote
		List<UUID> closed = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<UUID>>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return this.deadlines.run();
				}));
			}
			start.countDown();
			for (Future<List<UUID>> run : runs) {
				closed.addAll(run.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(closed).filteredOn(UUID.fromString(due)::equals).hasSize(1);
		assertThat(closed).doesNotContain(UUID.fromString(later));
		assertThat(this.deadlines.run()).doesNotContain(UUID.fromString(due));

		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/result", due), this.committee))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.participatingArea").value("100.00"))
			.andExpect(jsonPath("$.approveOwners").value(1))
			.andExpect(jsonPath("$.quorumMet").value(false));
		assertThat(this.jdbc.sql("select closed_by from governance.vote where id = :v::uuid").param("v", due)
			.query(String.class).single()).isEqualTo(VoteDeadlines.SYSTEM);
		assertThat(tallyEntries(due)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'CLOSE vote' "
				+ "and object = :t and account = 'system'").param("t", "vote " + due).query(Long.class).single())
			.isEqualTo(1);
		// a manual close afterwards finds it closed
		post(this.committee, "/api/v1/votes/{vid}/close", null, due).andExpect(status().isConflict());
		assertThat(voteStatus(later)).isEqualTo("OPEN");

		((MovableClock) this.clock).advance(Duration.ofHours(3));
		assertThat(this.deadlines.run()).contains(UUID.fromString(later));
		assertThat(voteStatus(later)).isEqualTo("CLOSED");
		assertThat(tallyEntries(due)).isEqualTo(1);
	}

	private long tallyEntries(String vid) {
		long size = this.ledger.status(this.compound.id()).orElseThrow().treeSize();
		return this.ledger.entries(this.compound.id(), 0, size)
			.stream()
			.filter(e -> e.payload().contains("\"VOTE_TALLY\"") && e.payload().contains(vid))
			.count();
	}

	private String openVote(Duration closesIn) throws Exception {
		String vid = Api.body(post(this.committee, "/api/v1/communities/{cid}/votes",
				Map.of("title", "到期自动结束", "matter", "OTHER", "closesAt",
						OffsetDateTime.now(this.clock).plus(closesIn).withNano(0).toString()),
				this.compound.id())
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		return vid;
	}

	private String voteStatus(String vid) throws Exception {
		return Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}", vid), this.committee))
			.andExpect(status().isOk())
			.andReturn()).get("status").asString();
	}

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

}
