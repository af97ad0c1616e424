package org.linli.identity.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.identity.domain.AccountService;
import org.linli.identity.domain.ApiTokenService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration for the platform and security administrators. */
@Controller
@RequestMapping("/console/accounts")
class AccountsConsoleController {

	private final AccountService accounts;

	private final ApiTokenService tokens;

	private final Problems problems;

	private final IdentityApi identity;

	AccountsConsoleController(AccountService accounts, ApiTokenService tokens, Problems problems,
			IdentityApi identity) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.problems = problems;
		this.identity = identity;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("canCreate", this.identity.currentUser().map(u -> u.hasRole(Role.PLATFORM_ADMIN)).orElse(false));
		return "identity/accounts";
	}

	@PostMapping
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String communityIds,
			@RequestParam(required = false) String regionIds, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		Set<Role> roleSet = roles == null ? Set.of() : EnumSet.copyOf(roles);
		try {
			Set<UUID> communities = parseIds(communityIds, "communityIds", "account.communities.invalid");
			Set<UUID> regions = parseIds(regionIds, "regionIds", "account.regions.invalid");
			this.accounts.create(new NewAccount(username, password, displayName, roleSet, communities, null, true,
					false, regions));
		}
		catch (DomainException ex) {
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
			model.addAttribute("form", java.util.Map.of("username", username, "displayName", displayName,
					"communityIds", communityIds == null ? "" : communityIds, "regionIds",
					regionIds == null ? "" : regionIds));
			return list(model);
		}
		redirect.addFlashAttribute("created", username);
		return "redirect:/console/accounts";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable UUID id) {
		this.accounts.unlock(id);
		return "redirect:/console/accounts";
	}

	@PostMapping("/{id}/reset-totp")
	String resetTotp(@PathVariable UUID id) {
		this.accounts.resetTotp(id);
		return "redirect:/console/accounts";
	}

	@PostMapping("/{id}/revoke-tokens")
	String revokeTokens(@PathVariable UUID id) {
		this.tokens.revokeAll(id);
		return "redirect:/console/accounts";
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable UUID id, @RequestParam boolean enabled) {
		this.accounts.setEnabled(id, enabled);
		if (!enabled) {
			this.tokens.revokeAll(id);
		}
		return "redirect:/console/accounts";
	}

	private static Set<UUID> parseIds(String text, String field, String code) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		try {
			return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(UUID::fromString)
				.collect(java.util.stream.Collectors.toSet());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, code);
		}
	}

}
