package org.linli.shared.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PrefixedHandlerMappingUnitTests {

	@RestController
	@RequestMapping("/api/things")
	static class Things {

		@GetMapping("/{id}")
		String one(@PathVariable String id) {
			return "one " + id;
		}

		@GetMapping("/{id}/parts")
		String parts(@PathVariable String id) {
			return "parts " + id;
		}

		@GetMapping("/special")
		String special() {
			return "special";
		}

		@PostMapping("/{id}/close")
		String close(@PathVariable String id) {
			return "closed " + id;
		}

	}

	@RestController
	static class Others {

		@GetMapping("/files/{*path}")
		String file(@PathVariable String path) {
			return "file " + path;
		}

		@GetMapping({ "/a/{x}", "/b/{x}" })
		String either(@PathVariable String x) {
			return "either " + x;
		}

	}

	private final MockMvc prefixed = MockMvcBuilders.standaloneSetup(new Things(), new Others())
		.setCustomHandlerMapping(PrefixedHandlerMapping::new)
		.build();

	private final MockMvc plain = MockMvcBuilders.standaloneSetup(new Things(), new Others()).build();

	@Test
	void literalStartEndsAtTheFirstVariableOrWildcard() {
		assertThat(PrefixedHandlerMapping.literalStart("/api/v1/communities/{cid}/rooms"))
			.isEqualTo("/api/v1/communities/");
		assertThat(PrefixedHandlerMapping.literalStart("/console")).isEqualTo("/console");
		assertThat(PrefixedHandlerMapping.literalStart("/assets/**")).isEqualTo("/assets/");
		assertThat(PrefixedHandlerMapping.literalStart("/img?.png")).isEqualTo("/img");
		assertThat(PrefixedHandlerMapping.prefixesOf(RequestMappingInfo.paths("/a/{x}", "/b/{x}").build()))
			.containsExactlyInAnyOrder("/a/", "/b/");
	}

	@Test
	void choosesTheHandlers() throws Exception {
		this.prefixed.perform(get("/api/things/7")).andExpect(content().string("one 7"));
		this.prefixed.perform(get("/api/things/7/parts")).andExpect(content().string("parts 7"));
		this.prefixed.perform(get("/api/things/special")).andExpect(content().string("special"));
		this.prefixed.perform(post("/api/things/7/close")).andExpect(content().string("closed 7"));
		this.prefixed.perform(get("/files/x/y.txt")).andExpect(content().string("file /x/y.txt"));
		this.prefixed.perform(get("/b/9")).andExpect(content().string("either 9"));
		this.prefixed.perform(get("/api/things/7/close")).andExpect(status().isMethodNotAllowed());
		this.prefixed.perform(get("/api/nothing/7")).andExpect(status().isNotFound());
	}

	/** Status and body of every request, encoded and odd paths included, are those of Spring MVC's own look-up. */
	@ParameterizedTest
	@ValueSource(strings = { "GET /api/things/7", "GET /api/things/7/parts", "GET /api/things/special",
			"POST /api/things/7/close", "GET /api/things/7/close", "GET /api/nothing/7", "GET /api/things/7/parts/more",
			"GET /files/x/y.txt", "GET /files/", "GET /a/1", "GET /b/9", "GET /c/9", "GET /api/th%69ngs/7",
			"GET /api/things/%37", "GET /api/things;v=1/7", "GET /api/things/7;v=1", "GET /API/things/7",
			"GET /api/things/7/", "GET /api/things", "GET /" })
	void answersLikeSpringMvc(String request) throws Exception {
		String[] parts = request.split(" ");
		MvcResult expected = this.plain.perform(request(HttpMethod.valueOf(parts[0]), URI.create(parts[1])))
			.andReturn();
		MvcResult actual = this.prefixed.perform(request(HttpMethod.valueOf(parts[0]), URI.create(parts[1])))
			.andReturn();
		assertThat(actual.getResponse().getStatus()).isEqualTo(expected.getResponse().getStatus());
		assertThat(actual.getResponse().getContentAsString()).isEqualTo(expected.getResponse().getContentAsString());
	}

}
