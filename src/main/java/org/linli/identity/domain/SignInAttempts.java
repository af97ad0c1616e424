package org.linli.identity.domain;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/** Feeds the lockout from the authentication events of both the sign-in page and the token endpoint. */
@Component
class SignInAttempts {

	private final AccountService accounts;

	SignInAttempts(AccountService accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
			this.accounts.recordFailure(token.getName());
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			this.accounts.recordSuccess(event.getAuthentication().getName());
		}
	}

}
