package org.linli.support;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Small helpers for calling the open API from tests. */
public final class Api {

	public static final String DEMO_PASSWORD = "Demo@2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Api() {
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public static JsonNode body(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	public static MvcResult tokenRequest(MockMvc mvc, String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("username", username, "password", password)))).andReturn();
	}

	/** A bearer token for a demo account (or any account with the given password). */
	public static String token(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = tokenRequest(mvc, username, password);
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("no token for " + username + ": " + result.getResponse().getStatus());
		}
		return body(result).get("accessToken").asString();
	}

	public static String token(MockMvc mvc, String username) throws Exception {
		return token(mvc, username, DEMO_PASSWORD);
	}

	/** POST /api/v1/accounts as the caller whose token is given. */
	public static org.springframework.test.web.servlet.ResultActions createAccount(MockMvc mvc, String callerToken,
			String username, String password, java.util.List<String> roles, java.util.List<String> communityIds)
			throws Exception {
		return mvc.perform(bearer(post("/api/v1/accounts"), callerToken).contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("username", username, "password", password, "displayName", "测试 " + username,
					"roles", roles, "communityIds", communityIds))));
	}

	/** POST /api/v1/accounts with the body as given. */
	public static org.springframework.test.web.servlet.ResultActions createAccount(MockMvc mvc, String callerToken,
			Map<String, ?> body) throws Exception {
		return mvc.perform(bearer(post("/api/v1/accounts"), callerToken).contentType(MediaType.APPLICATION_JSON)
			.content(json(body)));
	}

	public static <B extends AbstractMockHttpServletRequestBuilder<B>> B bearer(B request, String token) {
		request.header("Authorization", "Bearer " + token);
		return request;
	}

}
