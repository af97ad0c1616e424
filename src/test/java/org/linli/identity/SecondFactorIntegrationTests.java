package org.linli.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.linli.identity.domain.Totp;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A staff account opened with a temporary password: forced password change, forced TOTP enrolment, then TOTP at
 * every sign-in (pages and token endpoint), each code accepted once.
 */
@LinliIntegrationTest
class SecondFactorIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("<code>([A-Z2-7]+)</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void newStaffChangeTheTemporaryPasswordThenEnrolThenUseTheCode() throws Exception {
		String username = "tech" + UUID.randomUUID().toString().substring(0, 6);
		Api.createAccount(this.mvc, Api.token(this.mvc, "admin"), username, "Temp#Pass2026", List.of("TECHNICIAN"),
				List.of())
			.andExpect(status().isCreated());

		// 1. the temporary password must be replaced before anything else opens
		var first = Pages.signIn(this.mvc, username, "Temp#Pass2026");
		assertThat(first.redirect()).isEqualTo("/account/password");
		MockHttpSession session = first.session();
		this.mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", "Temp#Pass2026").param("newPassword", "short")
			.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("密码长度须在")));
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", "Temp#Pass2026").param("newPassword", "Fresh#Pass2026")
			.param("confirmPassword", "Fresh#Pass2026"))
			.andExpect(status().is3xxRedirection());

		// 2. staff must enrol a second factor next
		this.mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/account/totp"));
		String page = this.mvc.perform(get("/account/totp").session(session)).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("data:image/png;base64,");
		Matcher matcher = SECRET.matcher(page);
		assertThat(matcher.find()).isTrue();
		String secret = matcher.group(1);
		this.mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", "000000"))
			.andExpect(status().isOk());
		long step = freshStep();
		this.mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", Totp.code(secret, step - 1)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/console").session(session)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select totp_secret from identity.account where username = :u").param("u", username)
			.query(String.class).single()).isNotEqualTo(secret);

		// 3. the next sign-in asks for the code; a wrong code and a replayed code are refused
		var second = Pages.signIn(this.mvc, username, "Fresh#Pass2026");
		assertThat(second.redirect()).isEqualTo("/login/totp");
		this.mvc.perform(get("/console").session(second.session())).andExpect(redirectedUrl("/login/totp"));
		this.mvc.perform(post("/login/totp").session(second.session()).with(csrf())
			.param("code", Totp.code(secret, step - 1)))
			.andExpect(content().string(containsString("动态口令不正确")));
		this.mvc.perform(post("/login/totp").session(second.session()).with(csrf()).param("code", Totp.code(secret, step)))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/console").session(second.session())).andExpect(status().isOk());

		// 4. the token endpoint wants the code as well
		assertThat(Api.tokenRequest(this.mvc, username, "Fresh#Pass2026").getResponse().getStatus()).isEqualTo(401);
		this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("username", username, "password", "Fresh#Pass2026", "totp",
					Totp.code(secret, step + 1)))))
			.andExpect(status().isOk());
	}

	/** The current time step, waiting out the last seconds of a step so that the codes below stay in the window. */
	private static long freshStep() throws InterruptedException {
		long second = Instant.now().getEpochSecond() % 30;
		if (second > 20) {
			Thread.sleep((31 - second) * 1000);
		}
		return Totp.stepAt(Instant.now());
	}

}
