package org.linli.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The open API's description at /v3/api-docs: bearer tokens from POST /api/v1/auth/token for every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI linliOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Linli open API")
				.version("v1")
				.description("Smart-community platform API. Get a token with POST /api/v1/auth/token (username, "
						+ "password, totp once enrolled) and send it as 'Authorization: Bearer <token>'. Errors are "
						+ "RFC 9457 problem details in the Accept-Language language (zh-CN by default).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
