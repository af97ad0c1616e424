package org.linli.shared.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every REST controller answers errors as translated RFC 9457 problem details. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private final Problems problems;

	public ApiProblemAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem;
		if (!ex.violations().isEmpty()) {
			problem = this.problems.validation(ex.violations().stream()
				.map(v -> new Problems.FieldError(v.field(), v.code(), this.problems.message(v.code(), locale, v.args())))
				.toList(), locale);
			problem.setStatus(ex.status().value());
			problem.setTitle(this.problems.title(ex.status(), locale));
			if (ex.violations().size() == 1) {
				problem.setDetail(this.problems.message(ex.code(), locale, ex.args()));
			}
		}
		else {
			problem = this.problems.problem(ex.status(), ex.code(), locale, ex.args());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> denied(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(this.problems.problem(HttpStatus.FORBIDDEN, "problem.403.detail", LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.badRequest()
			.body(this.problems.validation(List.of(new Problems.FieldError(ex.getName(), "invalid",
					this.problems.message("validation.invalid", locale))), locale));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new Problems.FieldError(error.getField(), error.getCode(),
					this.problems.message("validation." + error.getCode(), locale)))
			.toList();
		return ResponseEntity.badRequest().body(this.problems.validation(errors, locale));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(this.problems.problem(HttpStatus.BAD_REQUEST, "problem.unreadable", LocaleContextHolder.getLocale()));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			if (status != null) {
				problem.setTitle(this.problems.title(status, LocaleContextHolder.getLocale()));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
