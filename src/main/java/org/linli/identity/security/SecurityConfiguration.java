package org.linli.identity.security;

import org.linli.identity.Role;
import org.linli.identity.domain.ApiTokenService;
import org.linli.identity.domain.AccountService;
import org.linli.identity.domain.SecuritySettings;
import org.linli.shared.web.Languages;
import org.linli.shared.web.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the open API and actuator (stateless bearer tokens, problem-detail errors) and the pages
 * (session sign-in, CSRF, forced steps). URL rules by role live here and nowhere else; per-community checks live in
 * {@link org.linli.identity.CommunityAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	private static final String[] STAFF = Role.STAFF.stream().map(Role::name).toArray(String[]::new);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Publishes denied requests as events, so the audit trail records access attempts beyond an account's rights. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountService accounts, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, Problems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on their own
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasAnyRole("PLATFORM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/api/v1/accounts/**").hasAnyRole("PLATFORM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/api/v1/audit-events/**").hasRole("AUDITOR")
				.anyRequest().authenticated())
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> problems.write(response,
						problems.problem(HttpStatus.UNAUTHORIZED, "problem.401.detail", Languages.fromAcceptLanguage(request))))
				.accessDeniedHandler((request, response, e) -> problems.write(response,
						problems.problem(HttpStatus.FORBIDDEN, "problem.403.detail", Languages.fromAcceptLanguage(request)))))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, SignInHandlers handlers) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/", "/login", "/public/**", "/webjars/**", "/assets/**",
						"/favicon.ico", "/error", "/error/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/preferences/language").permitAll()
				.requestMatchers("/console/accounts/**").hasAnyRole("PLATFORM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/console/audit/**").hasRole("AUDITOR")
				.requestMatchers("/console/security/**").hasAnyRole("PROPERTY_MANAGER", "PROPERTY_STAFF", "PLATFORM_ADMIN")
				.requestMatchers("/console/renovation/**").hasAnyRole("PLATFORM_ADMIN", "PROJECT_MANAGER",
						"SUPERVISING_ENGINEER", "OWNER_REPRESENTATIVE", "STREET_OFFICER", "COMMITTEE_MEMBER", "AUDITOR")
				.requestMatchers("/console/**").hasAnyRole(STAFF)
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(handlers)
				.failureHandler(handlers)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.addFilterAfter(new PendingStepFilter(), UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), geolocation=(), microphone=()")));
		return http.build();
	}

}
