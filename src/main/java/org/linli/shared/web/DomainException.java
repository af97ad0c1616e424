package org.linli.shared.web;

import java.io.Serial;

import org.springframework.http.HttpStatus;

/**
 * A refused request with a translated message: {@code code} is a key in the messages files, {@code field} names the
 * input at fault (or null). The API answers it as a problem detail; pages show it beside the field.
 */
public class DomainException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String code;

	private final transient Object[] args;

	private final HttpStatus status;

	private final String field;

	private final transient java.util.List<Violations.Violation> violations;

	public DomainException(HttpStatus status, String field, String code, Object... args) {
		super(code);
		this.status = status;
		this.field = field;
		this.code = code;
		this.args = args;
		this.violations = field == null ? java.util.List.of()
				: java.util.List.of(new Violations.Violation(field, code, args));
	}

	/** Several field errors at once (400); the first one is also this exception's code and field. */
	DomainException(Violations violations) {
		super(violations.list().getFirst().code());
		var first = violations.list().getFirst();
		this.status = HttpStatus.BAD_REQUEST;
		this.field = first.field();
		this.code = first.code();
		this.args = first.args();
		this.violations = violations.list();
	}

	public static DomainException invalid(String field, String code, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, field, code, args);
	}

	public static DomainException conflict(String code, Object... args) {
		return new DomainException(HttpStatus.CONFLICT, null, code, args);
	}

	public static DomainException notFound(String code, Object... args) {
		return new DomainException(HttpStatus.NOT_FOUND, null, code, args);
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	public HttpStatus status() {
		return this.status;
	}

	public String field() {
		return this.field;
	}

	/** Every field error, empty for a refusal that concerns no field. */
	public java.util.List<Violations.Violation> violations() {
		return this.violations;
	}

}
