package org.linli.workorder.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.registry.CommunitySummary;
import org.linli.registry.RegistryApi;
import org.linli.shared.money.Money;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;
import org.linli.workorder.domain.Categories;
import org.linli.workorder.domain.Photos;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the work-order pages share: the community in view, translated errors, uploads, category names. */
@Component
class PageSupport {

	private final RegistryApi registry;

	private final Problems problems;

	private final MessageSource messages;

	PageSupport(RegistryApi registry, Problems problems, MessageSource messages) {
		this.registry = registry;
		this.problems = problems;
		this.messages = messages;
	}

	/** The communities the user serves, for the selector; administrators see all. */
	List<CommunitySummary> communities(CurrentUser user) {
		return user.servesAllCommunities() ? this.registry.allSummaries()
				: this.registry.summaries(user.communityIds());
	}

	/** The requested community, or the user's first one; null when they serve none. */
	CommunitySummary community(CurrentUser user, UUID requested) {
		List<CommunitySummary> all = communities(user);
		return all.stream().filter(c -> c.id().equals(requested)).findFirst()
			.orElse(all.isEmpty() ? null : all.getFirst());
	}

	/** The community a resident lives in (their first room's), else their first assigned one. */
	UUID residentCommunity(CurrentUser user) {
		if (user.personId() != null) {
			var rooms = this.registry.roomsOf(user.personId());
			if (!rooms.isEmpty()) {
				return rooms.getFirst().communityId();
			}
		}
		return user.communityIds().stream().findFirst().orElse(null);
	}

	/**
	 * Runs one step of an order's flow for the signed-in user and goes back to the order's page: a refusal comes back
	 * as translated errors there, an order out of reach stays a 404.
	 */
	String step(String orderPage, CurrentUser user, RedirectAttributes redirect, HttpServletRequest request,
			java.util.function.Consumer<CurrentUser> action) {
		try {
			action.accept(user);
			redirect.addFlashAttribute("done", true);
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			RequestOutcome.rejected(request);
			redirect.addFlashAttribute("fieldErrors", errors(ex));
		}
		return "redirect:" + orderPage;
	}

	Map<String, String> errors(DomainException ex) {
		return this.problems.fieldErrors(ex, LocaleContextHolder.getLocale());
	}

	String categoryName(Categories.Category c) {
		return c.name() != null ? c.name()
				: this.messages.getMessage(c.nameKey(), null, c.code(), LocaleContextHolder.getLocale());
	}

	static List<Photos.Upload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(f -> {
			try {
				return new Photos.Upload(f.getOriginalFilename(), f.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	/** A fee typed in yuan ("35", "35.50") as fen; blank is no fee. */
	static Long feeFen(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return Money.ofYuan(yuan).fen();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw DomainException.invalid("feeFen", "workorder.fee.invalid");
		}
	}

	static UUID id(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return new UUID(0, 0);
		}
	}

}
