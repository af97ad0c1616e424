package org.linli.governance.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.linli.shared.person.Masking;

/** Owner names on the roll as other owners see them: each name masked (张*三). */
public final class MaskedNames {

	private MaskedNames() {
	}

	public static String of(String names) {
		if (names == null || names.isEmpty()) {
			return "";
		}
		return Arrays.stream(names.split("、")).map(Masking::name).collect(Collectors.joining("、"));
	}

}
