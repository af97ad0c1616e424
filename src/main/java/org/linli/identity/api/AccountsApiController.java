package org.linli.identity.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.identity.domain.AccountService;
import org.linli.shared.web.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/accounts (platform admin): the password given is temporary and must be changed at first page sign-in. */
@RestController
class AccountsApiController {

	/** {@code regionIds}: street officers may serve every compound under regions instead of single communities. */
	record CreateAccount(String username, String password, String displayName, List<String> roles,
			List<String> communityIds, List<String> regionIds) {
	}

	record Created(String id) {
	}

	private final AccountService accounts;

	AccountsApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Created create(@RequestBody CreateAccount request) {
		Set<Role> roles = parse(request.roles(), "roles", Role::valueOf);
		Set<UUID> communities = parse(request.communityIds(), "communityIds", UUID::fromString);
		Set<UUID> regions = parse(request.regionIds(), "regionIds", UUID::fromString);
		UUID id = this.accounts.create(new NewAccount(request.username(), request.password(), request.displayName(),
				roles, communities, null, true, false, regions));
		return new Created(id.toString());
	}

	private static <T> Set<T> parse(List<String> values, String field, java.util.function.Function<String, T> parser) {
		if (values == null) {
			return Set.of();
		}
		try {
			return values.stream().map(parser).collect(java.util.stream.Collectors.toSet());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw DomainException.invalid(field, "validation.invalid");
		}
	}

}
