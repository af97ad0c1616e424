package org.linli.shared.person;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity document a person registers with: the resident ID card (GB 11643, birth date and gender inside) or,
 * for people without one, a passport, a Hong Kong/Macao or Taiwan residents' travel permit, a foreigner's permanent
 * residence ID card, or another document. {@link #indexValue()} is what the blind index is computed from: resident ID
 * numbers as they are, other documents prefixed with their type so numbers of different documents never collide.
 */
public record IdentityDocument(Type type, String number, LocalDate birthDate, Gender gender) {

	public enum Type {
		RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT, OTHER
	}

	public static final String TYPE = "idType.invalid";

	public static final String FORMAT = "idDocument.format";

	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

	/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao), then 8 digits (10 on older permits). */
	private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");

	/** 台湾居民来往大陆通行证: 8 digits (10 on older permits). */
	private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");

	/** 外国人永久居留身份证: 3 letters and 12 digits (2004 version) or 18 characters starting with 9 (2023 version). */
	private static final Pattern FOREIGN = Pattern.compile("[A-Z]{3}\\d{12}|9\\d{16}[\\dX]");

	private static final Pattern OTHER = Pattern.compile("[A-Z0-9-]{2,30}");

	/** Parses a document of the given type (null or blank means the resident ID card). */
	public static Validation<IdentityDocument> parse(String type, String raw, LocalDate today) {
		Type parsed = typeOf(type);
		if (parsed == null) {
			return Validation.invalid(TYPE);
		}
		if (parsed == Type.RESIDENT_ID) {
			return ChineseIdNumber.parse(raw, today)
				.toOptional()
				.<Validation<IdentityDocument>>map(id -> Validation
					.valid(new IdentityDocument(Type.RESIDENT_ID, id.value(), id.birthDate(), id.gender())))
				.orElseGet(() -> Validation.invalid(ChineseIdNumber.parse(raw, today).error().orElseThrow()));
		}
		String number = raw == null ? "" : TextNormaliser.normalise(raw).replace(" ", "").toUpperCase(Locale.ROOT);
		Pattern rule = switch (parsed) {
			case PASSPORT -> PASSPORT;
			case HK_MACAO_PERMIT -> HK_MACAO;
			case TAIWAN_PERMIT -> TAIWAN;
			case FOREIGN_PERMANENT -> FOREIGN;
			default -> OTHER;
		};
		return rule.matcher(number).matches() ? Validation.valid(new IdentityDocument(parsed, number, null, null))
				: Validation.invalid(FORMAT);
	}

	public String indexValue() {
		return this.type == Type.RESIDENT_ID ? this.number : this.type.name() + ":" + this.number;
	}

	private static Type typeOf(String type) {
		if (type == null || type.isBlank()) {
			return Type.RESIDENT_ID;
		}
		try {
			return Type.valueOf(type.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "IdentityDocument[" + this.type + " " + Masking.idNumber(this.number) + "]";
	}

}
