package org.linli.renovation;

import java.time.LocalDate;
import java.util.List;

/** A new project: its name, start, budget lines and planned funding. */
public record ProjectPlan(String name, LocalDate startsOn, List<Line> budgetLines, List<Source> fundingSources) {

	/** A budget line: code, name, the phase (1-4) it belongs to and its amount in fen. */
	public record Line(String code, String name, Integer phase, Long amountFen) {
	}

	/** A funding source and its planned amount in fen. */
	public record Source(FundingKind kind, Long plannedFen) {
	}

}
