package org.linli.governance;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A vote through the pages: committee, staff and owners each on their own pages, and the public result. */
@LinliIntegrationTest
class VotePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	Compound compound;

	@BeforeEach
	void setUp() {
		this.compound = Compound.create(this.registry, this.identity);
	}

	@Test
	void proposalToPublishedResultThroughThePages() throws Exception {
		MockHttpSession committee = session(this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
		MockHttpSession staff = session(this.compound.account(this.identity, "staff", Role.PROPERTY_STAFF, null));
		MockHttpSession manager = session(this.compound.account(this.identity, "manager", Role.PROPERTY_MANAGER, null));
		MockHttpSession ownerE = session(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String base = "/console/communities/" + this.compound.id();

		// an owner proposes in the app, the committee approves and puts it to a vote
		this.mvc.perform(post("/app/proposals").session(ownerE).with(csrf()).param("communityId", this.compound.id().toString())
			.param("title", "增设电动自行车充电棚").param("matter", "COMMON_USE_CHANGE").param("body", "利用3号楼北侧空地"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "governance.proposal.submitted"));
		UUID proposal = this.jdbc.sql("select id from governance.proposal where community_id = :c")
			.param("c", this.compound.id()).query(UUID.class).single();
		this.mvc.perform(get(base + "/votes").session(committee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("增设电动自行车充电棚")))
			.andExpect(content().string(containsString("待审核")));
		this.mvc.perform(post(base + "/proposals/{p}/review", proposal).session(committee).with(csrf()).param("approve", "true"))
			.andExpect(flash().attribute("done", "governance.proposal.reviewed"));
		this.mvc.perform(post(base + "/proposals/{p}/vote", proposal).session(committee).with(csrf())
			.param("closesAt", LocalDateTime.now().plusDays(10).withNano(0).toString()))
			.andExpect(flash().attribute("done", "governance.vote.created"));
		UUID vote = this.jdbc.sql("select vote_id from governance.proposal where id = :p").param("p", proposal)
			.query(UUID.class).single();

		// draft votes are invisible to owners; the committee opens it
		this.mvc.perform(get("/app/votes/{v}", vote).session(ownerE)).andExpect(status().isNotFound());
		this.mvc.perform(post(base + "/votes/{v}/open", vote).session(staff).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post(base + "/votes/{v}/open", vote).session(committee).with(csrf()))
			.andExpect(flash().attribute("done", "governance.vote.opened"));
		this.mvc.perform(get(base + "/votes/{v}/roll", vote).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲一")))
			.andExpect(content().string(containsString("1号楼 1-101; 1号楼 1-102")))
			.andExpect(content().string(not(containsString("赵租客"))));
		this.mvc.perform(get(base + "/votes/{v}/notice", vote).session(committee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data:image/png;base64,")))
			.andExpect(content().string(containsString("/app/votes/" + vote)));

		// the owner votes in the app, in elderly mode; the roll there is masked
		this.mvc.perform(post("/preferences/elderly").session(ownerE).with(csrf()).param("on", "true"));
		this.mvc.perform(get("/app/votes").session(ownerE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("elderly")))
			.andExpect(content().string(containsString("增设电动自行车充电棚")));
		this.mvc.perform(get("/app/votes/{v}", vote).session(ownerE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ballot-form\"")))
			.andExpect(content().string(containsString("1号楼 1-301")));
		this.mvc.perform(post("/app/votes/{v}/ballot", vote).session(ownerE).with(csrf()).param("choice", "APPROVE"))
			.andExpect(flash().attribute("done", "governance.ballot.cast"));
		this.mvc.perform(get("/app/votes/{v}", vote).session(ownerE))
			.andExpect(content().string(containsString("id=\"my-ballot\"")))
			.andExpect(content().string(not(containsString("id=\"ballot-form\""))));
		this.mvc.perform(get("/app/votes/{v}/roll", vote).session(ownerE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张*一")))
			.andExpect(content().string(not(containsString("张甲一"))));

		// staff enter A's paper ballot with its scan; a page without the scan is refused; the manager confirms
		this.mvc.perform(multipart(base + "/votes/{v}/paper-ballots", vote).session(staff).with(csrf())
			.param("position", "1").param("choice", "APPROVE"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(multipart(base + "/votes/{v}/paper-ballots", vote)
			.file(new MockMultipartFile("scan", "ballot.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.session(staff).with(csrf()).param("position", "1").param("choice", "APPROVE"))
			.andExpect(flash().attribute("done", "governance.ballot.entered"));
		this.mvc.perform(get(base + "/votes/{v}", vote).session(staff))
			.andExpect(content().string(not(containsString("/confirm\""))));
		UUID ballot = this.jdbc.sql("select id from governance.ballot where vote_id = :v and status = 'PENDING'")
			.param("v", vote).query(UUID.class).single();
		this.mvc.perform(get(base + "/votes/{v}", vote).session(manager))
			.andExpect(content().string(containsString("/ballots/" + ballot + "/confirm")));
		this.mvc.perform(get(base + "/votes/{v}/ballots/{b}/attachment", vote, ballot).session(manager))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		this.mvc.perform(post(base + "/votes/{v}/ballots/{b}/confirm", vote, ballot).session(manager).with(csrf()))
			.andExpect(flash().attribute("done", "governance.ballot.confirmed"));
		this.mvc.perform(post(base + "/votes/{v}/notices", vote).session(staff).with(csrf()).param("kind", "POSTED")
			.param("recipients", "5").param("place", "1号楼公告栏"))
			.andExpect(flash().attribute("done", "governance.notice.recorded"));

		this.mvc.perform(post(base + "/votes/{v}/close", vote).session(committee).with(csrf()))
			.andExpect(flash().attribute("done", "governance.vote.closed"));
		// 250 of 500 m2 and 2 of 5 owners took part: quorum missed, not adopted
		this.mvc.perform(get(base + "/votes/{v}/result", vote).session(committee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("250.00")))
			.andExpect(content().string(containsString("未通过")));
		this.mvc.perform(get("/public/{code}/votes", this.compound.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("增设电动自行车充电棚")));
		this.mvc.perform(get("/public/{code}/votes/{v}", this.compound.code(), vote))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("500.00")))
			.andExpect(content().string(containsString("参与人数或面积未达三分之二")))
			.andExpect(content().string(not(containsString("张甲一"))));
		assertThat(this.jdbc.sql("select count(*) from governance.vote_notice where vote_id = :v").param("v", vote)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theAssemblysRulesMayCountNonVotersWithTheMajority() throws Exception {
		MockHttpSession committee = session(this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
		MockHttpSession staff = session(this.compound.account(this.identity, "staff", Role.PROPERTY_STAFF, null));
		MockHttpSession ownerE = session(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		String base = "/console/communities/" + this.compound.id();
		this.mvc.perform(post(base + "/governance-settings").session(staff).with(csrf()).param("nonVoters", "FOLLOW_MAJORITY")
			.param("mediationTargetDays", "5").param("version", "0")).andExpect(status().isForbidden());
		this.mvc.perform(post(base + "/governance-settings").session(committee).with(csrf())
			.param("nonVoters", "FOLLOW_MAJORITY").param("mediationTargetDays", "7").param("version", "0"))
			.andExpect(flash().attribute("done", "governance.settings.saved"));
		this.mvc.perform(post(base + "/votes").session(committee).with(csrf()).param("title", "修订管理规约")
			.param("matter", "COVENANT").param("closesAt", LocalDateTime.now().plusDays(3).withNano(0).toString()))
			.andExpect(flash().attribute("done", "governance.vote.created"));
		UUID vote = this.jdbc.sql("select id from governance.vote where community_id = :c").param("c", this.compound.id())
			.query(UUID.class).single();
		this.mvc.perform(post(base + "/votes/{v}/open", vote).session(committee).with(csrf()));
		this.mvc.perform(post("/app/votes/{v}/ballot", vote).session(ownerE).with(csrf()).param("choice", "APPROVE"));
		this.mvc.perform(post(base + "/votes/{v}/close", vote).session(committee).with(csrf()))
			.andExpect(flash().attribute("done", "governance.vote.closed"));
		// one owner (100 of 500 m2) approved and nobody rejected: the four silent owners follow that majority
		var row = this.jdbc.sql("select participating_owners, approve_area::text, adopted from governance.vote where id = :v")
			.param("v", vote).query((rs, n) -> java.util.List.of(rs.getInt(1), rs.getString(2), rs.getBoolean(3))).single();
		assertThat(row).containsExactly(5, "500.00", true);
		this.mvc.perform(get(base + "/rules").session(committee))
			.andExpect(content().string(containsString("未投票业主计入参与表决")));
	}

	@Test
	void eachRoleSeesTheGovernancePagesItMayUse() throws Exception {
		MockHttpSession street = session(this.compound.account(this.identity, "street", Role.STREET_OFFICER, null));
		MockHttpSession tech = session(this.compound.account(this.identity, "tech", Role.TECHNICIAN, null));
		String base = "/console/communities/" + this.compound.id();
		this.mvc.perform(get("/console/governance/votes").session(street))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(base + "/votes").session(street))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/console/governance/votes\"")))
			.andExpect(content().string(not(containsString("id=\"new-vote\""))));
		this.mvc.perform(get(base + "/votes").session(tech)).andExpect(status().isForbidden());
		this.mvc.perform(get("/console").session(tech))
			.andExpect(content().string(not(containsString("href=\"/console/governance/votes\""))));
		// the demo committee serves another compound
		this.mvc.perform(get(base + "/votes").session(Pages.signIn(this.mvc, "committee").session()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(base + "/rules").session(street)).andExpect(status().isOk());
	}

	private MockHttpSession session(String username) throws Exception {
		return Pages.signIn(this.mvc, username).session();
	}

}
