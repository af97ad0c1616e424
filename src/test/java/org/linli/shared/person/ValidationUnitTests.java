package org.linli.shared.person;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ValidationUnitTests {

	@Test
	void aValidResultHoldsItsValue() {
		Validation<String> valid = Validation.valid("x");
		assertThat(valid.isValid()).isTrue();
		assertThat(valid.orElseThrow()).isEqualTo("x");
		assertThat(valid.toOptional()).contains("x");
		assertThat(valid.error()).isEmpty();
		assertThat(valid).isEqualTo(Validation.valid("x"));
	}

	@Test
	void anInvalidResultHoldsOnlyItsCodeAndThrowsItWhenAskedForTheValue() {
		Validation<String> invalid = Validation.invalid("phone.format");
		assertThat(invalid.isValid()).isFalse();
		assertThat(invalid.toOptional()).isEmpty();
		assertThat(invalid.error()).contains("phone.format");
		assertThatIllegalArgumentException().isThrownBy(invalid::orElseThrow).withMessage("phone.format");
		assertThat(invalid).isEqualTo(Validation.invalid("phone.format")).isNotEqualTo(Validation.invalid("other"));
	}

	@Test
	void callersCanSwitchOverBothOutcomes() {
		Validation<Integer> result = Validation.invalid("idNumber.checksum");
		String described = switch (result) {
			case Validation.Valid<Integer>(Integer value) -> "value " + value;
			case Validation.Invalid<Integer>(String code) -> "error " + code;
		};
		assertThat(described).isEqualTo("error idNumber.checksum");
	}

	@Test
	void neitherAMissingValueNorAMissingCodeIsAccepted() {
		assertThatNullPointerException().isThrownBy(() -> Validation.valid(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Validation.invalid(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Validation.invalid(" "));
	}

}
