package org.linli.identity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/auth/token, /api/v1/me and the lockout, as API.md fixes them. */
@LinliIntegrationTest
class TokenIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoAccountGetsATokenThatShowsItsRolesAndCommunity() throws Exception {
		MvcResult result = Api.tokenRequest(this.mvc, "manager", Api.DEMO_PASSWORD);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		var body = Api.body(result);
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isPositive();
		String token = body.get("accessToken").asString();

		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		this.mvc.perform(bearer(get("/api/v1/me"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("manager"))
			.andExpect(jsonPath("$.displayName").isNotEmpty())
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.contains("PROPERTY_MANAGER")))
			.andExpect(jsonPath("$.communityIds").value(org.hamcrest.Matchers.contains(xingfuli.toString())));
	}

	@Test
	void unknownUserAndWrongPasswordAnswerTheSame401() throws Exception {
		MvcResult unknown = Api.tokenRequest(this.mvc, "no-such-user", "Whatever@2026");
		MvcResult wrong = Api.tokenRequest(this.mvc, "staff", "Wrong@2026x");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(401);
		assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
		assertThat(Api.body(unknown).get("detail")).isEqualTo(Api.body(wrong).get("detail"));
		assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
		this.jdbc.sql("update identity.account set failed_attempts = 0 where username = 'staff'").update();
	}

	@Test
	void fiveFailuresLockTheAccountWith423EvenForTheRightPassword() throws Exception {
		String username = newAccount("locktest", "Strong#Pass1");
		for (int i = 0; i < 5; i++) {
			assertThat(Api.tokenRequest(this.mvc, username, "Wrong#Pass1").getResponse().getStatus()).isEqualTo(401);
		}
		assertThat(Api.tokenRequest(this.mvc, username, "Strong#Pass1").getResponse().getStatus()).isEqualTo(423);
		// an administrator unlocks; the right password works again
		this.jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where username = :u")
			.param("u", username).update();
		assertThat(Api.tokenRequest(this.mvc, username, "Strong#Pass1").getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anUnknownUsernameNeverAnswers423() throws Exception {
		for (int i = 0; i < 7; i++) {
			assertThat(Api.tokenRequest(this.mvc, "ghost-user", "Wrong#Pass1").getResponse().getStatus())
				.isEqualTo(401);
		}
	}

	@Test
	void aRevokedTokenIsRefused() throws Exception {
		String token = Api.token(this.mvc, "tech");
		this.mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isOk());
		this.mvc.perform(bearer(delete("/api/v1/auth/token"), token)).andExpect(status().isNoContent());
		this.mvc.perform(bearer(get("/api/v1/me"), token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		String token = Api.token(this.mvc, "tech");
		this.jdbc.sql("update identity.api_token set expires_at = now() - interval '1 second' "
				+ "where token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')").param("t", token).update();
		this.mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isUnauthorized());
	}

	@Test
	void onlyTheStoredHashOfATokenIsKept() throws Exception {
		String token = Api.token(this.mvc, "tech");
		assertThat(this.jdbc.sql("select count(*) from identity.api_token where token_hash = :t").param("t", token)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theApiWithoutATokenAnswers401ProblemInTheCallersLanguage() throws Exception {
		this.mvc.perform(get("/api/v1/communities").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Unauthorized"));
		this.mvc.perform(get("/api/v1/communities"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未认证"));
	}

	@Test
	void platformAdminCreatesAnAccountWhoseTokenWorksAtOnce() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		Api.createAccount(this.mvc, admin, "newstaff", "Temp#Pass2026", List.of("PROPERTY_STAFF"), List.of())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty());
		String token = Api.token(this.mvc, "newstaff", "Temp#Pass2026");
		this.mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(jsonPath("$.roles[0]").value("PROPERTY_STAFF"));
	}

	@Test
	void accountCreationRefusesWeakPasswordsAndCombinedAdministratorRoles() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		Api.createAccount(this.mvc, admin, "weak1", "password", List.of("RESIDENT"), List.of())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		Api.createAccount(this.mvc, admin, "allpower", "Strong#Pass1", List.of("PLATFORM_ADMIN", "AUDITOR"), List.of())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		assertThat(this.jdbc.sql("select count(*) from identity.account where username in ('weak1', 'allpower')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void onlyThePlatformAdminCreatesAccounts() throws Exception {
		String manager = Api.token(this.mvc, "manager");
		Api.createAccount(this.mvc, manager, "sneaky", "Strong#Pass1", List.of("PLATFORM_ADMIN"), List.of())
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
	}

	private String newAccount(String prefix, String password) throws Exception {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		String admin = Api.token(this.mvc, "admin");
		Api.createAccount(this.mvc, admin, username, password, List.of("RESIDENT"), List.of())
			.andExpect(status().isCreated());
		return username;
	}

}
