package org.linli.shared.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field error of one input so that a form or an API client sees them all at once, then throws them
 * as one {@link DomainException} (400). Codes are message keys.
 */
public final class Violations {

	/** One field error: the field, a message key and its arguments. */
	public record Violation(String field, String code, Object[] args) {
	}

	private final List<Violation> violations = new ArrayList<>();

	public Violations add(String field, String code, Object... args) {
		this.violations.add(new Violation(field, code, args));
		return this;
	}

	/** Adds the error unless the condition holds. */
	public Violations require(boolean condition, String field, String code, Object... args) {
		return condition ? this : add(field, code, args);
	}

	public boolean isEmpty() {
		return this.violations.isEmpty();
	}

	public List<Violation> list() {
		return List.copyOf(this.violations);
	}

	public void throwIfAny() {
		if (!this.violations.isEmpty()) {
			throw new DomainException(this);
		}
	}

}
