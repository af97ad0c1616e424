package org.linli.shared.person;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityDocumentUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	@Test
	void theResidentIdCardIsTheDefaultAndCarriesBirthDateAndGender() {
		var document = IdentityDocument.parse(null, "11010519491231002x", TODAY).orElseThrow();
		assertThat(document.type()).isEqualTo(IdentityDocument.Type.RESIDENT_ID);
		assertThat(document.number()).isEqualTo("11010519491231002X");
		assertThat(document.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(document.gender()).isEqualTo(Gender.FEMALE);
		assertThat(document.indexValue()).isEqualTo("11010519491231002X");
		assertThat(IdentityDocument.parse("RESIDENT_ID", "110105194912310021", TODAY).error())
			.hasValue("idNumber.checksum");
	}

	@Test
	void otherDocumentsFollowTheirOwnNumberFormats() {
		assertThat(IdentityDocument.parse("PASSPORT", "e1234 5678", TODAY).orElseThrow().number()).isEqualTo("E12345678");
		assertThat(IdentityDocument.parse("HK_MACAO_PERMIT", "H12345678", TODAY).isValid()).isTrue();
		assertThat(IdentityDocument.parse("HK_MACAO_PERMIT", "X12345678", TODAY).error()).hasValue("idDocument.format");
		assertThat(IdentityDocument.parse("TAIWAN_PERMIT", "12345678", TODAY).isValid()).isTrue();
		assertThat(IdentityDocument.parse("TAIWAN_PERMIT", "1234567", TODAY).isValid()).isFalse();
		assertThat(IdentityDocument.parse("FOREIGN_PERMANENT", "USA123456789012", TODAY).isValid()).isTrue();
		assertThat(IdentityDocument.parse("FOREIGN_PERMANENT", "91234567890123456X", TODAY).isValid()).isTrue();
		assertThat(IdentityDocument.parse("FOREIGN_PERMANENT", "81234567890123456X", TODAY).isValid()).isFalse();
		assertThat(IdentityDocument.parse("DRIVING_LICENCE", "123", TODAY).error()).hasValue("idType.invalid");
	}

	@Test
	void numbersOfDifferentDocumentsNeverShareAnIndexValue() {
		var taiwan = IdentityDocument.parse("TAIWAN_PERMIT", "12345678", TODAY).orElseThrow();
		var passport = IdentityDocument.parse("PASSPORT", "12345678", TODAY).orElseThrow();
		assertThat(taiwan.indexValue()).isNotEqualTo(passport.indexValue());
		assertThat(taiwan.birthDate()).isNull();
		assertThat(taiwan.toString()).doesNotContain("12345678");
	}

}
