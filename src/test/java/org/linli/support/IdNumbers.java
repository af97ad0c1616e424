package org.linli.support;

/** Valid test ID numbers (GB 11643 check character computed here, independently of the code under test). */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private IdNumbers() {
	}

	/** A valid number from a 6-digit area, a yyyyMMdd birth date and a 3-digit sequence. */
	public static String valid(String area, String birth, int sequence) {
		String first = area + birth + "%03d".formatted(sequence);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first.charAt(i) - '0') * WEIGHTS[i];
		}
		return first + CHECK.charAt(sum % 11);
	}

}
