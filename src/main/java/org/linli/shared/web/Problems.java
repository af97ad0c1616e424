package org.linli.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details with translated title and detail. Titles come from {@code problem.<status>.title},
 * details from the given message code.
 */
@Component
public class Problems {

	/** One field error of a validation problem: {@code {field, code, message}}. */
	public record FieldError(String field, String code, String message) {
	}

	private final MessageSource messages;

	private final JsonMapper json;

	public Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public ProblemDetail problem(HttpStatus status, String detailCode, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://linli.org/problems/" + slug(status)));
		problem.setTitle(title(status, locale));
		problem.setDetail(message(detailCode, locale, args));
		return problem;
	}

	public ProblemDetail validation(List<FieldError> errors, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation.detail", locale);
		problem.setProperty("errors", errors);
		return problem;
	}

	public String title(HttpStatus status, Locale locale) {
		return this.messages.getMessage("problem." + status.value() + ".title", null, status.getReasonPhrase(),
				locale);
	}

	public String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, code, locale);
	}

	/** A page's field errors: the field at fault mapped to its translated message. */
	public Map<String, String> fieldErrors(DomainException ex, Locale locale) {
		if (ex.violations().isEmpty()) {
			return Map.of("form", message(ex.code(), locale, ex.args()));
		}
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		ex.violations().forEach(v -> errors.putIfAbsent(v.field(), message(v.code(), locale, v.args())));
		return errors;
	}

	/** Writes a problem straight to a response, for filters that run before Spring MVC. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.getWriter().write(this.json.writeValueAsString(body));
	}

	private static String slug(HttpStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
