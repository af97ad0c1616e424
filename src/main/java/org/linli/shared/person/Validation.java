package org.linli.shared.person;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing an untrusted value: either the value or a stable machine code (such as
 * {@code idNumber.checksum}) that the caller turns into a field error or a translated message. Parsing reports
 * instead of throwing because an import judges thousands of cells and wants every fault, not the first.
 *
 * @param <T> the parsed value's type
 */
public sealed interface Validation<T> {

	static <T> Validation<T> valid(T value) {
		return new Valid<>(value);
	}

	static <T> Validation<T> invalid(String errorCode) {
		return new Invalid<>(errorCode);
	}

	default boolean isValid() {
		return this instanceof Valid;
	}

	/** The value, or an {@link IllegalArgumentException} whose message is the error code. */
	default T orElseThrow() {
		return switch (this) {
			case Valid<T> valid -> valid.value();
			case Invalid<T> invalid -> throw new IllegalArgumentException(invalid.errorCode());
		};
	}

	/** The value when valid, else empty. */
	default Optional<T> toOptional() {
		return (this instanceof Valid<T> valid) ? Optional.of(valid.value()) : Optional.empty();
	}

	/** The error code when invalid, else empty. */
	default Optional<String> error() {
		return (this instanceof Invalid<T> invalid) ? Optional.of(invalid.errorCode()) : Optional.empty();
	}

	/** A parsed value. */
	record Valid<T>(T value) implements Validation<T> {

		public Valid {
			Objects.requireNonNull(value, "value");
		}

	}

	/** A rejected value, known only by the code of the rule it broke. */
	record Invalid<T>(String errorCode) implements Validation<T> {

		public Invalid {
			if (errorCode == null || errorCode.isBlank()) {
				throw new IllegalArgumentException("errorCode");
			}
		}

	}

}
