package org.linli.identity.domain;

import org.junit.jupiter.api.Test;
import org.linli.shared.web.DomainException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyUnitTests {

	@Test
	void acceptsLongEnoughPasswordsOfThreeClasses() {
		assertThatCode(() -> PasswordPolicy.check("password", "manager", "Demo@2026")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("password", "manager", "lower-case-99")).doesNotThrowAnyException();
	}

	@Test
	void refusesShortSimpleOrUsernameBasedPasswords() {
		assertThatThrownBy(() -> PasswordPolicy.check("password", "u", "Ab1!"))
			.isInstanceOf(DomainException.class).hasMessage("password.policy.length");
		assertThatThrownBy(() -> PasswordPolicy.check("password", "u", "alllowercase"))
			.hasMessage("password.policy.classes");
		assertThatThrownBy(() -> PasswordPolicy.check("password", "manager", "Manager#2026"))
			.hasMessage("password.policy.username");
		assertThatThrownBy(() -> PasswordPolicy.check("password", "u", null)).hasMessage("password.policy.length");
	}

}
