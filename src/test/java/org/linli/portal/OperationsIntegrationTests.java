package org.linli.portal;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Actuator exposes health, info, metrics and Prometheus only; the OpenAPI document describes the open API. */
@LinliIntegrationTest
class OperationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Value("${server.servlet.session.timeout}")
	String sessionTimeout;

	@Test
	void healthIsPublicTheRestOfActuatorIsForAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(bearer(get("/actuator/prometheus"), Api.token(this.mvc, "manager")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/actuator/prometheus"), Api.token(this.mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		this.mvc.perform(bearer(get("/actuator/metrics"), Api.token(this.mvc, "admin"))).andExpect(status().isOk());
		this.mvc.perform(bearer(get("/actuator/env"), Api.token(this.mvc, "admin"))).andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/actuator/beans"), Api.token(this.mvc, "admin"))).andExpect(status().isNotFound());
	}

	@Test
	void theOpenApiDocumentListsTheFixedEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/auth/token'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/communities'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts'].post").exists());
	}

	@Test
	void signedInSessionsExpireAfterThirtyIdleMinutes() {
		assertThat(this.sessionTimeout).isEqualTo("30m");
	}

}
