package org.linli.registry.domain.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.shared.person.Gender;
import org.linli.shared.person.IdentityDocument;
import org.linli.support.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedDocumentUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	@ParameterizedTest
	@CsvSource({ "1990-01-02", "1990/1/2", "1990.01.02", "1990年1月2日", "19900102", "32875" })
	void readsTheDatesPeopleAndExcelWrite(String cell) {
		assertThat(ImportedDocument.date(cell)).contains(LocalDate.of(1990, 1, 2));
	}

	@ParameterizedTest
	@CsvSource({ "1990-02-30", "19901302", "yesterday", "1990-1", "123456" })
	void refusesWhatIsNotADate(String cell) {
		assertThat(ImportedDocument.date(cell)).isEmpty();
	}

	@Test
	void aBlankTypeMeansTheResidentIdCardWhoseBirthDateAndGenderWin() {
		String id = IdNumbers.valid("110105", "19800101", 42);
		List<ImportError> errors = new ArrayList<>();
		var judged = ImportedDocument.judge(row(id, "", "", ""), TODAY, errors);
		assertThat(errors).isEmpty();
		assertThat(judged.orElseThrow().document().type()).isEqualTo(IdentityDocument.Type.RESIDENT_ID);
		assertThat(judged.orElseThrow().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(judged.orElseThrow().gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void aPassportNeedsABirthDateAndMayGiveAGender() {
		List<ImportError> errors = new ArrayList<>();
		assertThat(ImportedDocument.judge(row("E12345678", "护照", "", "女"), TODAY, errors)).isEmpty();
		assertThat(errors).extracting(ImportError::field, ImportError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("birthDate", "person.birthDate.required"));

		errors.clear();
		var judged = ImportedDocument.judge(row("E12345678", "passport", "1985-03-07", "女"), TODAY, errors);
		assertThat(errors).isEmpty();
		assertThat(judged.orElseThrow().document().indexValue()).isEqualTo("PASSPORT:E12345678");
		assertThat(judged.orElseThrow().gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void reportsEveryWrongDocumentColumn() {
		List<ImportError> errors = new ArrayList<>();
		ImportedDocument.judge(row("E12345678", "护照", "2030-01-01", "未知"), TODAY, errors);
		assertThat(errors).extracting(ImportError::field).containsExactly("birthDate", "gender");

		errors.clear();
		ImportedDocument.judge(row("E12345678", "军官证", "1985-03-07", ""), TODAY, errors);
		assertThat(errors).extracting(ImportError::code).containsExactly(ImportedDocument.TYPE_INVALID);
	}

	private static RawRow row(String number, String type, String birthDate, String gender) {
		Map<SheetColumn, String> cells = new EnumMap<>(SheetColumn.class);
		cells.put(SheetColumn.ID_NUMBER, number);
		cells.put(SheetColumn.ID_TYPE, type);
		cells.put(SheetColumn.BIRTH_DATE, birthDate);
		cells.put(SheetColumn.GENDER, gender);
		return new RawRow(2, cells);
	}

}
