package org.linli.audit.web;

/** CSV cells that spreadsheet programs cannot run as formulas (OWASP CSV injection). */
final class Csv {

	private Csv() {
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
