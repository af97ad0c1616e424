package org.linli.portal;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The faces of the application: sign-in, workbench, resident app, public page, language, elderly mode, errors. */
@LinliIntegrationTest
class PagesIntegrationTests {

	private static final String STATUS = "jakarta.servlet.error.status_code";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWorkbenchNeedsASignIn() throws Exception {
		this.mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void staffLandOnTheWorkbenchInChineseByDefault() throws Exception {
		var manager = Pages.signIn(this.mvc, "manager");
		assertThat(manager.redirect()).isEqualTo("/console");
		this.mvc.perform(get("/console").session(manager.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("工作台")))
			.andExpect(content().string(containsString("幸福里小区")))
			.andExpect(content().string(containsString("1500")));
	}

	@Test
	void eachRoleSeesOnlyTheMenuItemsItMayUse() throws Exception {
		var manager = Pages.signIn(this.mvc, "manager");
		this.mvc.perform(get("/console").session(manager.session()))
			.andExpect(content().string(containsString("href=\"/console/communities\"")))
			.andExpect(content().string(not(containsString("href=\"/console/audit\""))))
			.andExpect(content().string(not(containsString("href=\"/console/accounts\""))));
		this.mvc.perform(get("/console/audit").session(manager.session())).andExpect(status().isForbidden());
		this.mvc.perform(get("/console/accounts").session(manager.session())).andExpect(status().isForbidden());

		var auditor = Pages.signIn(this.mvc, "auditor");
		this.mvc.perform(get("/console").session(auditor.session()))
			.andExpect(content().string(containsString("href=\"/console/audit\"")))
			.andExpect(content().string(not(containsString("href=\"/console/accounts\""))))
			.andExpect(content().string(not(containsString("href=\"/console/communities\""))));
		this.mvc.perform(get("/console/audit").session(auditor.session())).andExpect(status().isOk());

		var admin = Pages.signIn(this.mvc, "admin");
		this.mvc.perform(get("/console/accounts").session(admin.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ownerrep")));
		this.mvc.perform(get("/console/audit").session(admin.session())).andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorOpensAStreetOfficerScopedByRegion() throws Exception {
		var admin = Pages.signIn(this.mvc, "admin");
		String street = this.jdbc.sql("select region_id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(post("/console/accounts").session(admin.session()).with(csrf())
			.param("username", "form-officer").param("displayName", "街道干部乙").param("password", "Strong#Pass1")
			.param("roles", "STREET_OFFICER").param("regionIds", "not-a-region"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("区域编号格式不正确")));
		this.mvc.perform(post("/console/accounts").session(admin.session()).with(csrf())
			.param("username", "form-officer").param("displayName", "街道干部乙").param("password", "Strong#Pass1")
			.param("roles", "STREET_OFFICER").param("regionIds", street))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("""
				select r.region_id::text from identity.account_region r join identity.account a on a.id = r.account_id
				 where a.username = 'form-officer'
				""").query(String.class).single()).isEqualTo(street);
	}

	@Test
	void theSecurityAdministratorUnlocksAccountsButDoesNotOpenThem() throws Exception {
		var security = Pages.signIn(this.mvc, "security");
		this.mvc.perform(get("/console/accounts").session(security.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"password\""))));
		this.mvc.perform(post("/console/accounts").session(security.session()).with(csrf())
			.param("username", "bysecurity").param("displayName", "x").param("password", "Strong#Pass1")
			.param("roles", "RESIDENT")).andExpect(status().isForbidden());
		this.jdbc.sql("update identity.account set failed_attempts = 5, locked_until = now() + interval '10 minutes' "
				+ "where username = 'pm'").update();
		String id = this.jdbc.sql("select id::text from identity.account where username = 'pm'").query(String.class)
			.single();
		this.mvc.perform(post("/console/accounts/" + id + "/unlock").session(security.session()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select locked_until is null from identity.account where username = 'pm'")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void residentsUseTheAppAndSeeTheirOwnHouseholdButNotTheWorkbench() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		assertThat(resident.redirect()).isEqualTo("/app");
		this.mvc.perform(get("/app").session(resident.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"viewport\"")));
		this.mvc.perform(get("/app/household").session(resident.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1号楼")))
			.andExpect(content().string(containsString("业主")));
		this.mvc.perform(get("/console").session(resident.session())).andExpect(status().isForbidden());
	}

	@Test
	void theHouseholdPageShowsTheResidentsOwnHouseholdAndNoOther() throws Exception {
		var own = this.jdbc.sql("""
				select p.name from registry.person p
				 where p.household_id = (select household_id from registry.person
				                          where id = (select person_id from identity.account where username = 'resident'))
				""").query(String.class).list();
		var neighbour = this.jdbc.sql("""
				select p.name from registry.person p
				 where p.household_id is not null and p.household_id <> (select household_id from registry.person
				        where id = (select person_id from identity.account where username = 'resident'))
				   and p.name not in (:own) limit 1
				""").param("own", own).query(String.class).single();
		var resident = Pages.signIn(this.mvc, "resident");
		var page = this.mvc.perform(get("/app/household").session(resident.session())).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(own).isNotEmpty().allSatisfy(name -> assertThat(page).contains(name));
		assertThat(page).doesNotContain(neighbour);
	}

	@Test
	void theLanguageSwitchIsRememberedOnTheAccount() throws Exception {
		var staff = Pages.signIn(this.mvc, "staff");
		this.mvc.perform(post("/preferences/language").session(staff.session()).with(csrf()).param("lang", "en")
			.header("Referer", "http://localhost/console")).andExpect(redirectedUrl("/console"));
		this.mvc.perform(get("/console").session(staff.session()))
			.andExpect(content().string(containsString("Workbench")))
			.andExpect(content().string(not(containsString("工作台"))));
		// a new session on another device starts in English too
		var again = Pages.signIn(this.mvc, "staff");
		this.mvc.perform(get("/console").session(again.session()))
			.andExpect(content().string(containsString("Workbench")));
		this.mvc.perform(post("/preferences/language").session(again.session()).with(csrf()).param("lang", "zh-CN"));
		assertThat(this.jdbc.sql("select language from identity.account where username = 'staff'")
			.query(String.class).single()).isEqualTo("zh-CN");
	}

	@Test
	void theElderlyModeIsSwitchedOnOnceAndRemembered() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(get("/app").session(resident.session()))
			.andExpect(content().string(not(containsString("class=\"elderly app\""))));
		this.mvc.perform(post("/preferences/elderly").session(resident.session()).with(csrf()).param("on", "true"));
		var again = Pages.signIn(this.mvc, "resident");
		for (String page : new String[] { "/app", "/app/household", "/app/settings" }) {
			this.mvc.perform(get(page).session(again.session()))
				.andExpect(content().string(containsString("class=\"elderly app\"")));
		}
		this.mvc.perform(post("/preferences/elderly").session(again.session()).with(csrf()).param("on", "false"));
	}

	@Test
	void writesWithoutACsrfTokenAreRefused() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(post("/preferences/elderly").session(resident.session()).param("on", "true"))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryAContentSecurityPolicyAndTheUsualHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void thePublicPageNeedsNoSignInAndShowsNoPersonalData() throws Exception {
		this.mvc.perform(get("/public/xingfuli"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("幸福里小区")))
			.andExpect(content().string(containsString("1500")));
		this.mvc.perform(get("/public/nowhere")).andExpect(status().isNotFound());
	}

	@Test
	void unknownPagesShowAFriendlyTranslatedPageAndUnknownApiPathsAProblem() throws Exception {
		var manager = Pages.signIn(this.mvc, "manager");
		this.mvc.perform(get("/console/nothing-here").session(manager.session()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(STATUS, 404))
			.andExpect(content().string(containsString("页面不存在")));
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(STATUS, 404)
			.header("Accept-Language", "en")).andExpect(content().string(containsString("Page not found")));
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(STATUS, 403))
			.andExpect(content().string(containsString("无权访问")));
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(STATUS, 500))
			.andExpect(content().string(containsString("系统出错了")));
		this.mvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer " + Api.token(this.mvc, "manager")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("\"status\":404")));
	}

	@Test
	void aFailedSignInSaysOnlyThatTheUsernameOrPasswordIsWrong() throws Exception {
		var unknown = Pages.signIn(this.mvc, "nobody-here", "Wrong#Pass1");
		var wrong = Pages.signIn(this.mvc, "committee", "Wrong#Pass1");
		assertThat(unknown.redirect()).isEqualTo(wrong.redirect()).isEqualTo("/login?error=bad");
		this.mvc.perform(get("/login").param("error", "bad"))
			.andExpect(content().string(containsString("用户名或密码错误")));
		this.jdbc.sql("update identity.account set failed_attempts = 0 where username = 'committee'").update();
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		var manager = Pages.signIn(this.mvc, "manager");
		this.mvc.perform(post("/logout").session(manager.session()).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/console").session(manager.session())).andExpect(status().is3xxRedirection());
	}

}
