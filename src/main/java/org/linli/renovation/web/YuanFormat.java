package org.linli.renovation.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.linli.shared.money.Money;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Component;

/** Fen shown as yuan with grouping ({@code @renovationYuan.format(fen)} in templates), and yuan read from forms. */
@Component("renovationYuan")
public class YuanFormat {

	public String format(long fen) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(BigDecimal.valueOf(fen, 2));
	}

	/** part / whole as a percentage with one decimal (exact until the final rounding). */
	public String percent(long part, long whole) {
		if (whole == 0) {
			return "0.0";
		}
		return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	/** Yuan as people type them ("6800000", "12.50"); a blank or malformed amount is a field error. */
	static Long fen(String yuan, String field) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return Money.ofYuan(yuan.replace(",", "").replace("，", "")).fen();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw DomainException.invalid(field, "renovation.amount.format");
		}
	}

}
