package org.linli.renovation.domain;

/** Who decides a budget change, by its size relative to the line: <=10% team, 10-20% leading group, >20% meeting. */
enum ChangeLevel {

	TEAM, LEADING_GROUP, SPECIAL_MEETING;

	static ChangeLevel of(long absoluteDeltaFen, long lineAmountFen) {
		// exact: compare delta * 100 with 10% and 20% of the line by cross-multiplication
		if (absoluteDeltaFen * 100 <= lineAmountFen * 10) {
			return TEAM;
		}
		if (absoluteDeltaFen * 100 <= lineAmountFen * 20) {
			return LEADING_GROUP;
		}
		return SPECIAL_MEETING;
	}

}
