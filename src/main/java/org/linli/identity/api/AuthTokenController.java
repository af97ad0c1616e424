package org.linli.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.identity.domain.Account;
import org.linli.identity.domain.AccountService;
import org.linli.identity.domain.ApiTokenService;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/auth/token: password (and TOTP when the account has enrolled) for a bearer token. Unknown user and
 * wrong password answer the same 401; a locked account 423.
 */
@RestController
@RequestMapping("/api/v1/auth/token")
class AuthTokenController {

	record TokenRequest(@Schema(example = "manager") String username, @Schema(example = "Demo@2026") String password,
			@Schema(description = "6-digit TOTP code, required once the account has enrolled", example = "123456",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) String totp) {
	}

	record TokenResponse(@Schema(example = "lnl_3q2-7wEXAMPLEtokenvalue") String accessToken,
			@Schema(example = "Bearer") String tokenType, @Schema(example = "28800") long expiresIn) {
	}

	private final AuthenticationManager authenticationManager;

	private final AccountService accounts;

	private final ApiTokenService tokens;

	AuthTokenController(AuthenticationManager authenticationManager, AccountService accounts, ApiTokenService tokens) {
		this.authenticationManager = authenticationManager;
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@PostMapping
	@SecurityRequirements
	@Operation(summary = "Exchange username and password (and TOTP once enrolled) for a bearer token")
	ResponseEntity<TokenResponse> issue(@RequestBody TokenRequest request) {
		String username = request.username() == null ? "" : request.username();
		String password = request.password() == null ? "" : request.password();
		Authentication authentication;
		try {
			authentication = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		}
		catch (LockedException ex) {
			throw new DomainException(HttpStatus.LOCKED, null, "auth.locked");
		}
		catch (BadCredentialsException | DisabledException ex) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, null, "auth.bad");
		}
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		Account account = this.accounts.find(user.id()).orElseThrow();
		if (account.totpEnabled() && !this.accounts.verifyTotp(account.id(), request.totp())) {
			this.accounts.recordFailure(account.username());
			throw new DomainException(HttpStatus.UNAUTHORIZED, "totp", "auth.totp");
		}
		ApiTokenService.IssuedToken token = this.tokens.issue(account.id());
		return ResponseEntity.ok(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
	}

	/** Revokes the token used for this request. */
	@DeleteMapping
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			this.tokens.revoke(header.substring(7).trim());
		}
		return ResponseEntity.noContent().build();
	}

}
