package org.linli.renovation;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The renovation workbench: each role sees and does what it may, refusals come back translated. */
@LinliIntegrationTest
class RenovationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	UUID xingfuli;

	MockHttpSession pm;

	@BeforeEach
	void setUp() throws Exception {
		this.xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		this.pm = Pages.signIn(this.mvc, "pm").session();
	}

	/** Posts a form as the session's account and returns the page the redirect leads to, with its messages. */
	private String submit(MockHttpSession session, MockHttpServletRequestBuilder form) throws Exception {
		MvcResult posted = this.mvc.perform(form.session(session).with(csrf())).andExpect(status().is3xxRedirection())
			.andReturn();
		return this.mvc
			.perform(get(posted.getResponse().getRedirectedUrl()).session(session)
				.flashAttrs(posted.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private UUID createProject(String name) throws Exception {
		MvcResult created = this.mvc.perform(post("/console/renovation/communities/{cid}/projects", this.xingfuli)
			.session(this.pm)
			.with(csrf())
			.param("name", name)
			.param("startsOn", "2026-01-01")
			.param("lines", "PIPES, 供水管网更换, 1, 10000\nLIFTS，加装电梯，2，20000")
			.param("fundingKind", "GOVERNMENT", "CROWDFUNDING")
			.param("fundingYuan", "24000", "6000")).andExpect(status().is3xxRedirection()).andReturn();
		String url = created.getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/console/renovation/projects/");
		return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
	}

	private UUID line(UUID project, String code) {
		return this.jdbc.sql("select id from renovation.budget_line where project_id = :p and code = :c")
			.param("p", project).param("c", code).query(UUID.class).single();
	}

	@Test
	void theProjectManagerRunsAProjectAndTheThreePartiesSignThroughThePages() throws Exception {
		this.mvc.perform(get("/console/renovation").session(this.pm))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/console/renovation\"")))
			.andExpect(content().string(containsString("新建项目")));
		UUID project = createProject("页面测试改造");
		String page = this.mvc.perform(get("/console/renovation/projects/{p}", project).session(this.pm))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("页面测试改造").contains("10,000.00").contains("居民众筹").contains("基础改造");

		// reviews in order; a bad amount is a translated field error
		for (String step : new String[] { "PROJECT_UNIT", "FINANCE", "THIRD_PARTY" }) {
			submit(this.pm, post("/console/renovation/projects/{p}/reviews", project).param("step", step)
				.param("reviewer", "审核 " + step));
		}
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/receipts", project).param("kind", "GOVERNMENT")
			.param("amount", "12.345").param("receivedOn", "2026-01-10").param("reference", "ZF-1")))
			.contains("请输入以元为单位的金额");
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/receipts", project).param("kind", "GOVERNMENT")
			.param("amount", "24000").param("receivedOn", "2026-01-10").param("reference", "ZF-1")))
			.contains("24,000.00");
		submit(this.pm, post("/console/renovation/projects/{p}/contracts", project)
			.param("budgetLineId", line(project, "PIPES").toString()).param("contractor", "页面管道公司")
			.param("title", "管网合同").param("amount", "10000").param("signedOn", "2026-01-15")
			.param("warrantyMonths", "12"));
		UUID contract = this.jdbc.sql("select id from renovation.contract where project_id = :p").param("p", project)
			.query(UUID.class).single();
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/contracts/{k}/disbursements", project, contract)
			.param("stage", "PROGRESS").param("amount", "7000").param("purpose", "进度款")))
			.contains("进度款累计不能超过合同价的 60%");
		submit(this.pm, post("/console/renovation/projects/{p}/contracts/{k}/disbursements", project, contract)
			.param("stage", "PROGRESS").param("amount", "5000").param("purpose", "一期进度款"));
		UUID payment = this.jdbc.sql("select id from renovation.disbursement where project_id = :p").param("p", project)
			.query(UUID.class).single();

		// the owners' representative signs once; a second signature is refused with a translated message
		MockHttpSession ownerrep = Pages.signIn(this.mvc, "ownerrep").session();
		String signPath = "/console/renovation/projects/{p}/disbursements/{d}/signatures";
		String afterSign = submit(ownerrep, post(signPath, project, payment));
		assertThat(afterSign).contains("业主代表 · ownerrep").doesNotContain("name=\"totp\"");
		assertThat(submit(ownerrep, post(signPath, project, payment))).contains("同一账号不能在一笔拨付上签字两次");
		// released too early: the missing signatures are named
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/disbursements/{d}/release", project, payment)))
			.contains("SUPERVISING_ENGINEER");
		submit(Pages.signIn(this.mvc, "engineer").session(), post(signPath, project, payment));
		submit(this.pm, post(signPath, project, payment));
		String released = submit(this.pm,
				post("/console/renovation/projects/{p}/disbursements/{d}/release", project, payment));
		assertThat(released).contains("已支付").contains("5,000.00");
		assertThat(this.jdbc.sql("select status from renovation.disbursement where id = :d").param("d", payment)
			.query(String.class).single()).isEqualTo("DISBURSED");

		// progress and milestones give the red/amber/green status
		submit(this.pm, post("/console/renovation/projects/{p}/phases/1/progress", project).param("progressPercent", "100"));
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/milestones/M3/achievement", project)
			.param("achievedOn", "2026-03-31"))).contains("2026-03-31完成").containsPattern("id=\"rag\"[^>]*>[^<]*灯");
	}

	@Test
	void changesAndContingencyNeedTheirDecisions() throws Exception {
		UUID project = createProject("变更测试改造");
		UUID pipes = line(project, "PIPES");
		submit(this.pm, post("/console/renovation/projects/{p}/changes", project).param("budgetLineId", pipes.toString())
			.param("delta", "1500").param("reason", "管材涨价"));
		UUID change = this.jdbc.sql("select id from renovation.change_request where project_id = :p")
			.param("p", project).query(UUID.class).single();
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/changes/{c}/approval", project, change)))
			.contains("领导小组");
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/changes/{c}/approval", project, change)
			.param("decisionRef", "领导小组2026-1号"))).contains("11,500.00");
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/contingency-releases", project)
			.param("budgetLineId", pipes.toString()).param("amount", "100"))).contains("决定");
		assertThat(submit(this.pm, post("/console/renovation/projects/{p}/contingency-releases", project)
			.param("budgetLineId", pipes.toString()).param("amount", "100").param("decisionRef", "会议纪要3号")))
			.contains("会议纪要3号");
	}

	@Test
	void eachRoleSeesOnlyWhatItMayDo() throws Exception {
		UUID project = createProject("权限测试改造");
		MockHttpSession street = Pages.signIn(this.mvc, "street").session();
		this.mvc.perform(get("/console/renovation/projects/{p}", project).session(street))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("权限测试改造")))
			.andExpect(content().string(not(containsString("/reviews\""))))
			.andExpect(content().string(not(containsString("/contracts\""))));
		this.mvc.perform(post("/console/renovation/projects/{p}/reviews", project).session(street).with(csrf())
			.param("step", "PROJECT_UNIT").param("reviewer", "x")).andExpect(status().isForbidden());
		MockHttpSession engineer = Pages.signIn(this.mvc, "engineer").session();
		this.mvc.perform(get("/console/renovation/projects/{p}", project).session(engineer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/phases/1/progress")))
			.andExpect(content().string(not(containsString("/contingency-releases"))));
		this.mvc.perform(post("/console/renovation/communities/{cid}/projects", this.xingfuli).session(engineer)
			.with(csrf()).param("name", "x")).andExpect(status().isForbidden());

		MockHttpSession resident = Pages.signIn(this.mvc, "resident").session();
		this.mvc.perform(get("/console/renovation").session(resident)).andExpect(status().isForbidden());
		this.mvc.perform(get("/console/renovation/projects/{p}", project).session(resident))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/console/renovation/projects/{p}/reviews", project).session(resident).with(csrf())
			.param("step", "PROJECT_UNIT").param("reviewer", "x")).andExpect(status().isForbidden());
		// CSRF stays on
		this.mvc.perform(post("/console/renovation/projects/{p}/reviews", project).session(this.pm)
			.param("step", "PROJECT_UNIT").param("reviewer", "x")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from renovation.budget_review where project_id = :p")
			.param("p", project).query(Integer.class).single()).isZero();
	}

	@Test
	void theStreetOfficeConfirmsAnEmergencyMaintenanceFundPayment() throws Exception {
		MvcResult created = this.mvc.perform(post("/console/renovation/communities/{cid}/projects", this.xingfuli)
			.session(this.pm).with(csrf()).param("name", "电梯应急页面").param("startsOn", "2026-01-01")
			.param("lines", "LIFT, 电梯抢修, 1, 5000").param("fundingKind", "MAINTENANCE_FUND").param("fundingYuan", "5000"))
			.andReturn();
		String url = created.getResponse().getRedirectedUrl();
		UUID project = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		for (String step : new String[] { "PROJECT_UNIT", "FINANCE", "THIRD_PARTY" }) {
			submit(this.pm, post("/console/renovation/projects/{p}/reviews", project).param("step", step)
				.param("reviewer", "审核"));
		}
		submit(this.pm, post("/console/renovation/projects/{p}/contracts", project)
			.param("budgetLineId", line(project, "LIFT").toString()).param("contractor", "电梯公司")
			.param("title", "曳引机").param("amount", "5000").param("signedOn", "2026-01-15")
			.param("warrantyMonths", "12"));
		UUID contract = this.jdbc.sql("select id from renovation.contract where project_id = :p").param("p", project)
			.query(UUID.class).single();
		submit(this.pm, post("/console/renovation/projects/{p}/contracts/{k}/disbursements", project, contract)
			.param("stage", "PROGRESS").param("amount", "1000").param("purpose", "抢修")
			.param("maintenanceFund", "true").param("emergencyKind", "ELEVATOR_HAZARD"));
		UUID payment = this.jdbc.sql("select id from renovation.disbursement where project_id = :p").param("p", project)
			.query(UUID.class).single();
		MockHttpSession street = Pages.signIn(this.mvc, "street").session();
		String confirmPath = "/console/renovation/projects/{p}/disbursements/{d}/emergency-confirmation";
		assertThat(this.mvc.perform(get("/console/renovation/projects/{p}", project).session(street)).andReturn()
			.getResponse().getContentAsString()).contains("确认应急情况");
		assertThat(submit(street, post(confirmPath, project, payment))).contains("街道已确认");
		this.mvc.perform(post(confirmPath, project, payment).session(this.pm).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
