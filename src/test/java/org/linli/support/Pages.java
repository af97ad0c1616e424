package org.linli.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signs in through the real sign-in form and keeps the session, as a browser would. */
public final class Pages {

	private Pages() {
	}

	public record SignedIn(MockHttpSession session, String redirect) {
	}

	public static SignedIn signIn(MockMvc mvc, String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult result = mvc
			.perform(post("/login").session(session).with(csrf()).param("username", username).param("password", password))
			.andReturn();
		return new SignedIn(session, result.getResponse().getRedirectedUrl());
	}

	public static SignedIn signIn(MockMvc mvc, String username) throws Exception {
		return signIn(mvc, username, Api.DEMO_PASSWORD);
	}

}
