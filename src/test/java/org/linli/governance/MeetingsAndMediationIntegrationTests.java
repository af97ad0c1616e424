package org.linli.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Joint meetings with action items and overdue items; mediation through its levels and the share resolved locally. */
@LinliIntegrationTest
class MeetingsAndMediationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	@Autowired
	GovernanceApi governance;

	Compound compound;

	String base;

	@BeforeEach
	void setUp() {
		this.compound = Compound.create(this.registry, this.identity);
		this.base = "/console/communities/" + this.compound.id();
	}

	@Test
	void aJointMeetingKeepsAttendanceMinutesAndActionItems() throws Exception {
		MockHttpSession committee = session(this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
		MockHttpSession street = session(this.compound.account(this.identity, "street", Role.STREET_OFFICER, null));
		this.mvc.perform(post(this.base + "/meetings").session(committee).with(csrf()).param("title", "十一月四方联席会议")
			.param("heldOn", "2026-11-05").param("location", "社区议事厅").param("agenda", "1. 加装电梯进度\n2. 停车秩序"))
			.andExpect(flash().attribute("done", "governance.meeting.scheduled"));
		UUID meeting = this.jdbc.sql("select id from governance.meeting where community_id = :c")
			.param("c", this.compound.id()).query(UUID.class).single();
		this.mvc.perform(post(this.base + "/meetings/{m}/minutes", meeting).session(committee).with(csrf())
			.param("version", "0").param("partyNames", "刘书记").param("committeeNames", "陈主任\n吴委员")
			.param("propertyNames", "周经理").param("residentNames", "郑代表").param("minutes", "各方通报进度")
			.param("decisions", "物业两周内划定临时停车位"))
			.andExpect(flash().attribute("done", "governance.meeting.recorded"));
		// a stale form (old version) is refused
		this.mvc.perform(post(this.base + "/meetings/{m}/minutes", meeting).session(committee).with(csrf())
			.param("version", "0").param("minutes", "覆盖"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(post(this.base + "/meetings/{m}/actions", meeting).session(committee).with(csrf())
			.param("title", "划定临时停车位").param("ownerName", "周经理").param("ownerParty", "PROPERTY")
			.param("dueOn", LocalDate.now().minusDays(3).toString()))
			.andExpect(flash().attribute("done", "governance.action.added"));
		this.mvc.perform(post(this.base + "/meetings/{m}/actions", meeting).session(committee).with(csrf())
			.param("title", "公示电梯方案").param("ownerName", "陈主任").param("ownerParty", "COMMITTEE")
			.param("dueOn", LocalDate.now().plusDays(20).toString()))
			.andExpect(flash().attribute("done", "governance.action.added"));

		this.mvc.perform(get(this.base + "/meetings").session(street))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("划定临时停车位")))
			.andExpect(content().string(not(containsString("公示电梯方案"))))
			.andExpect(content().string(not(containsString("id=\"new-meeting\""))));
		this.mvc.perform(get(this.base + "/meetings/{m}", meeting).session(street))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("四方均已出席")))
			.andExpect(content().string(containsString("陈主任")))
			.andExpect(content().string(containsString("吴委员")))
			.andExpect(content().string(containsString("物业两周内划定临时停车位")));
		this.mvc.perform(post(this.base + "/meetings").session(street).with(csrf()).param("title", "x")
			.param("agenda", "x")).andExpect(status().isForbidden());

		UUID overdue = this.jdbc.sql("select id from governance.action_item where meeting_id = :m and due_on < current_date")
			.param("m", meeting).query(UUID.class).single();
		this.mvc.perform(post(this.base + "/meetings/{m}/actions/{a}/done", meeting, overdue).session(committee).with(csrf()))
			.andExpect(flash().attribute("done", "governance.action.done"));
		this.mvc.perform(get(this.base + "/meetings").session(committee))
			.andExpect(content().string(containsString("没有逾期事项")));
	}

	@Test
	void mediationClimbsTheLevelsAndTheShareResolvedLocallyIsCounted() throws Exception {
		MockHttpSession staff = session(this.compound.account(this.identity, "staff", Role.PROPERTY_STAFF, null));
		MockHttpSession resident = session(this.compound.account(this.identity, "owner-e", Role.RESIDENT, "e"));
		UUID noise = open(staff, "楼上噪音", "NOISE");
		UUID leak = open(staff, "厨房漏水", "LEAK");
		UUID parking = open(staff, "车位被占", "PARKING");
		this.mvc.perform(post(this.base + "/mediation").session(staff).with(csrf()).param("title", "一方")
			.param("category", "PETS").param("description", "x").param("partyName", "甲"))
			.andExpect(flash().attributeExists("fieldErrors"));

		this.mvc.perform(post(this.base + "/mediation/{id}/resolve", noise).session(staff).with(csrf())
			.param("version", "0").param("outcome", "约定夜间十点后不再施工").param("satisfaction", "SATISFIED"))
			.andExpect(flash().attribute("done", "governance.mediation.resolved"));
		this.mvc.perform(post(this.base + "/mediation/{id}/escalate", leak).session(staff).with(csrf())
			.param("version", "0").param("note", "楼栋调解未达成一致"))
			.andExpect(flash().attribute("done", "governance.mediation.escalated"));
		this.mvc.perform(post(this.base + "/mediation/{id}/escalate", leak).session(staff).with(csrf())
			.param("version", "1"))
			.andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(post(this.base + "/mediation/{id}/resolve", leak).session(staff).with(csrf())
			.param("version", "1").param("outcome", "物业维修，楼上业主承担费用").param("satisfaction", "NEUTRAL"))
			.andExpect(flash().attribute("done", "governance.mediation.resolved"));
		this.mvc.perform(post(this.base + "/mediation/{id}/refer", parking).session(staff).with(csrf())
			.param("version", "0").param("note", "转街道人民调解委员会"))
			.andExpect(flash().attribute("done", "governance.mediation.referred"));

		MediationShare share = this.governance.mediationShare(this.compound.id());
		assertThat(share.resolvedLocally()).isEqualTo(2);
		assertThat(share.finished()).isEqualTo(3);
		assertThat(share.share()).isEqualByComparingTo(new BigDecimal("0.6667"));
		assertThat(share.targetMet()).isFalse();
		this.mvc.perform(get(this.base + "/mediation").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("66.7%")));
		this.mvc.perform(get(this.base + "/mediation/{id}", leak).session(staff))
			.andExpect(content().string(containsString("社区协商")))
			.andExpect(content().string(containsString("物业维修")));
		this.mvc.perform(get(this.base + "/mediation").session(resident)).andExpect(status().isForbidden());
	}

	private UUID open(MockHttpSession session, String title, String category) throws Exception {
		this.mvc.perform(post(this.base + "/mediation").session(session).with(csrf()).param("title", title)
			.param("category", category).param("description", title + "，双方争执").param("partyName", "甲", "乙", "")
			.param("partyRoom", "1-101", "1-201", ""))
			.andExpect(flash().attribute("done", "governance.mediation.opened"));
		return this.jdbc.sql("select id from governance.mediation_case where community_id = :c and title = :t")
			.param("c", this.compound.id()).param("t", title).query(UUID.class).single();
	}

	private MockHttpSession session(String username) throws Exception {
		return Pages.signIn(this.mvc, username).session();
	}

}
