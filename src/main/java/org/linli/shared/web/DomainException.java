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

	public DomainException(HttpStatus status, String field, String code, Object... args) {
		super(code);
		this.status = status;
		this.field = field;
		this.code = code;
		this.args = args;
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

}
