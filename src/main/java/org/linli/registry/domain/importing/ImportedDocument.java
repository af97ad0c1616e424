package org.linli.registry.domain.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linli.shared.person.Gender;
import org.linli.shared.person.IdentityDocument;
import org.linli.shared.person.TextNormaliser;
import org.linli.shared.person.Validation;

/**
 * The identity document of an import row: the resident ID card by default, or the document the idType column names,
 * with the birth date and gender it shows or the row gives. Judged by the same rules as a person entered by hand.
 */
record ImportedDocument(IdentityDocument document, LocalDate birthDate, Gender gender) {

	static final String TYPE_INVALID = "import.idType.invalid";

	static final String BIRTH_DATE_INVALID = "import.birthDate.invalid";

	static final String GENDER_INVALID = "import.gender.invalid";

	static final String GENDER_MISMATCH = "import.gender.mismatch";

	/** Document names as people write them in sheets; the API's codes are accepted too. */
	private static final Map<String, IdentityDocument.Type> TYPES = Map.ofEntries(
			Map.entry("居民身份证", IdentityDocument.Type.RESIDENT_ID), Map.entry("身份证", IdentityDocument.Type.RESIDENT_ID),
			Map.entry("护照", IdentityDocument.Type.PASSPORT),
			Map.entry("港澳居民来往内地通行证", IdentityDocument.Type.HK_MACAO_PERMIT),
			Map.entry("港澳通行证", IdentityDocument.Type.HK_MACAO_PERMIT),
			Map.entry("回乡证", IdentityDocument.Type.HK_MACAO_PERMIT),
			Map.entry("台湾居民来往大陆通行证", IdentityDocument.Type.TAIWAN_PERMIT),
			Map.entry("台胞证", IdentityDocument.Type.TAIWAN_PERMIT),
			Map.entry("外国人永久居留身份证", IdentityDocument.Type.FOREIGN_PERMANENT),
			Map.entry("永居证", IdentityDocument.Type.FOREIGN_PERMANENT), Map.entry("其他", IdentityDocument.Type.OTHER));

	private static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "女", Gender.FEMALE, "M",
			Gender.MALE, "F", Gender.FEMALE, "MALE", Gender.MALE, "FEMALE", Gender.FEMALE);

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	/** Day 0 of Excel's date serial numbers (1900 system, after its leap-year bug). */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** Judges the document columns of a row, adding errors; empty when any of them is wrong. */
	static Optional<ImportedDocument> judge(RawRow row, LocalDate today, List<ImportError> errors) {
		int n = row.rowNumber();
		int before = errors.size();
		String typeCell = TextNormaliser.normalise(row.cell(SheetColumn.ID_TYPE));
		IdentityDocument.Type type = type(typeCell);
		if (type == null) {
			errors.add(new ImportError(n, SheetColumn.ID_TYPE.field(), TYPE_INVALID));
			return Optional.empty();
		}
		Validation<IdentityDocument> parsed = IdentityDocument.parse(type.name(), row.cell(SheetColumn.ID_NUMBER),
				today);
		parsed.error().ifPresent(code -> errors.add(new ImportError(n, SheetColumn.ID_NUMBER.field(), code)));
		String birthCell = TextNormaliser.normalise(row.cell(SheetColumn.BIRTH_DATE));
		Optional<LocalDate> given = date(birthCell).filter(date -> !date.isAfter(today));
		if (!birthCell.isEmpty() && given.isEmpty()) {
			errors.add(new ImportError(n, SheetColumn.BIRTH_DATE.field(), BIRTH_DATE_INVALID));
		}
		String genderCell = TextNormaliser.normalise(row.cell(SheetColumn.GENDER)).toUpperCase(Locale.ROOT);
		Gender givenGender = GENDERS.get(genderCell);
		if (!genderCell.isEmpty() && givenGender == null) {
			errors.add(new ImportError(n, SheetColumn.GENDER.field(), GENDER_INVALID));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		IdentityDocument document = parsed.orElseThrow();
		if (document.birthDate() == null && given.isEmpty()) {
			errors.add(new ImportError(n, SheetColumn.BIRTH_DATE.field(), "person.birthDate.required"));
		}
		if (document.birthDate() != null && given.isPresent() && !given.get().equals(document.birthDate())) {
			errors.add(new ImportError(n, SheetColumn.BIRTH_DATE.field(), "person.birthDate.mismatch"));
		}
		if (document.gender() != null && givenGender != null && givenGender != document.gender()) {
			errors.add(new ImportError(n, SheetColumn.GENDER.field(), GENDER_MISMATCH));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new ImportedDocument(document,
				document.birthDate() != null ? document.birthDate() : given.orElseThrow(),
				document.gender() != null ? document.gender() : givenGender));
	}

	private static IdentityDocument.Type type(String cell) {
		if (cell.isEmpty()) {
			return IdentityDocument.Type.RESIDENT_ID;
		}
		IdentityDocument.Type named = TYPES.get(cell);
		if (named != null) {
			return named;
		}
		try {
			return IdentityDocument.Type.valueOf(cell.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日, 19900102, or a date cell's serial number. */
	static Optional<LocalDate> date(String cell) {
		try {
			Matcher matcher = DATE.matcher(cell);
			if (matcher.matches()) {
				return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)),
						Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
			}
			if (cell.matches("\\d{8}")) {
				return Optional.of(LocalDate.parse(cell, COMPACT));
			}
			if (cell.matches("\\d{1,5}")) {
				return Optional.of(EXCEL_EPOCH.plusDays(Integer.parseInt(cell)))
					.filter(date -> date.getYear() >= 1900);
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

}
