package org.linli.governance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The governance demo content of 幸福里小区 and the demo accounts' part in it. */
@LinliIntegrationTest
class DemoGovernanceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GovernanceApi governance;

	@Test
	void theDemoCompoundHasAClosedAndAnOpenVoteAMeetingAndMediationCases() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class).single();
		List<VoteSummary> votes = this.governance.votes(xingfuli);
		assertThat(votes).extracting(VoteSummary::status).containsExactlyInAnyOrder("OPEN", "CLOSED");
		VoteSummary closed = votes.stream().filter(v -> v.status().equals("CLOSED")).findFirst().orElseThrow();
		VoteSummary open = votes.stream().filter(v -> v.status().equals("OPEN")).findFirst().orElseThrow();
		assertThat(closed.result().quorumMet()).isTrue();
		assertThat(closed.result().adopted()).isTrue();
		assertThat(closed.result().totalOwners()).isGreaterThan(1000);
		assertThat(this.governance.mediationShare(xingfuli).share()).isEqualByComparingTo("1");

		// the resident owns a room: not yet voted in the open vote, votes now; a second ballot is refused
		String resident = Api.token(this.mvc, "resident");
		this.mvc.perform(bearer(get("/api/v1/votes/{v}/ballots/mine", open.id()), resident))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(post("/api/v1/votes/{v}/ballots", open.id()), resident)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("choice", "APPROVE"))))
			.andExpect(status().isCreated());
		this.mvc.perform(bearer(post("/api/v1/votes/{v}/ballots", open.id()), resident)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("choice", "REJECT"))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(get("/api/v1/votes/{v}/result", closed.id()), resident))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.adopted").value(true));

		MockHttpSession committee = Pages.signIn(this.mvc, "committee").session();
		this.mvc.perform(get("/console/governance/votes").session(committee))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/console/communities/{c}/votes", xingfuli).session(committee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"new-vote\"")))
			.andExpect(content().string(containsString("加装电梯")));
		this.mvc.perform(get("/console/communities/{c}/votes/{v}", xingfuli, open.id()).session(committee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"close-vote\"")));
		MockHttpSession street = Pages.signIn(this.mvc, "street").session();
		this.mvc.perform(get("/console/communities/{c}/meetings", xingfuli).session(street))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("清理消防通道并划定临时停车位")));
		this.mvc.perform(get("/console/communities/{c}/mediation", xingfuli).session(Pages.signIn(this.mvc, "staff").session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("宠物犬未拴绳")));
		this.mvc.perform(get("/app/votes").session(Pages.signIn(this.mvc, "resident").session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("续聘幸福里物业服务有限公司")));
		this.mvc.perform(get("/public/xingfuli")).andExpect(content().string(containsString("/public/xingfuli/votes")));
		this.mvc.perform(get("/public/xingfuli/votes/{v}", closed.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("通过")));
	}

}
