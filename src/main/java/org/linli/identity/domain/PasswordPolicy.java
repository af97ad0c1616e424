package org.linli.identity.domain;

import java.util.Locale;

import org.linli.shared.web.DomainException;

/**
 * Password complexity (MLPS 2.0): at least {@value #MIN_LENGTH} characters from at least three of the four classes
 * (upper case, lower case, digits, symbols), and not containing the username.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** Throws a translated field error on the given field when the password breaks the policy. */
	public static void check(String field, String username, String password) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw DomainException.invalid(field, "password.policy.length", MIN_LENGTH, MAX_LENGTH);
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			throw DomainException.invalid(field, "password.policy.classes");
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw DomainException.invalid(field, "password.policy.username");
		}
	}

}
