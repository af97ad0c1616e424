package org.linli.governance.domain;

import java.math.BigDecimal;

import org.linli.governance.Choice;
import org.linli.governance.Matter;
import org.linli.governance.NonVoters;
import org.linli.governance.VoteResult;

/**
 * Counts ballots and applies Civil Code Art. 278 with the counting words of Art. 1259, in exact arithmetic: areas
 * are BigDecimal, ratios are compared by cross-multiplication (never divided). "以上" includes the number itself, so
 * 2/3 exactly meets the quorum and 3/4 exactly adopts; "过半数" is strictly more than half, so 1/2 exactly does not.
 * A tally is a sum, so the order ballots arrive in cannot change it; rows may be single ballots or grouped sums.
 */
public final class Tally {

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private static final BigDecimal THREE = BigDecimal.valueOf(3);

	private static final BigDecimal FOUR = BigDecimal.valueOf(4);

	private BigDecimal approveArea = BigDecimal.ZERO;

	private BigDecimal rejectArea = BigDecimal.ZERO;

	private BigDecimal abstainArea = BigDecimal.ZERO;

	private long approveOwners;

	private long rejectOwners;

	private long abstainOwners;

	/** Adds {@code owners} counted ballots of one choice holding {@code area} together. */
	public Tally add(Choice choice, BigDecimal area, long owners) {
		switch (choice) {
			case APPROVE -> {
				this.approveArea = this.approveArea.add(area);
				this.approveOwners += owners;
			}
			case REJECT -> {
				this.rejectArea = this.rejectArea.add(area);
				this.rejectOwners += owners;
			}
			case ABSTAIN, SPOILED -> {
				this.abstainArea = this.abstainArea.add(area);
				this.abstainOwners += owners;
			}
		}
		return this;
	}

	public VoteResult result(Matter matter, NonVoters nonVoters, BigDecimal totalArea, long totalOwners) {
		BigDecimal castArea = this.approveArea.add(this.rejectArea).add(this.abstainArea);
		long castOwners = this.approveOwners + this.rejectOwners + this.abstainOwners;
		BigDecimal participatingArea = castArea;
		long participatingOwners = castOwners;
		BigDecimal approvingArea = this.approveArea;
		long approvingOwners = this.approveOwners;
		if (nonVoters == NonVoters.FOLLOW_MAJORITY) {
			BigDecimal silentArea = totalArea.subtract(castArea).max(BigDecimal.ZERO);
			long silentOwners = Math.max(0, totalOwners - castOwners);
			participatingArea = castArea.add(silentArea);
			participatingOwners = castOwners + silentOwners;
			if (this.approveArea.compareTo(this.rejectArea) > 0) {
				approvingArea = approvingArea.add(silentArea);
			}
			if (this.approveOwners > this.rejectOwners) {
				approvingOwners += silentOwners;
			}
		}
		boolean quorum = quorumMet(participatingArea, participatingOwners, totalArea, totalOwners);
		boolean approved = matter.needsThreeQuarters()
				? atLeastThreeQuarters(approvingArea, approvingOwners, participatingArea, participatingOwners)
				: moreThanHalf(approvingArea, approvingOwners, participatingArea, participatingOwners);
		return new VoteResult(matter, nonVoters, scaled(totalArea), totalOwners, scaled(participatingArea),
				participatingOwners, scaled(approvingArea), approvingOwners, scaled(this.rejectArea), this.rejectOwners,
				scaled(this.abstainArea), this.abstainOwners, quorum, quorum && approved);
	}

	/** Owners holding at least 2/3 of the area AND at least 2/3 of all owners took part ("三分之二以上"). */
	static boolean quorumMet(BigDecimal area, long owners, BigDecimal totalArea, long totalOwners) {
		return totalOwners > 0 && area.multiply(THREE).compareTo(totalArea.multiply(TWO)) >= 0
				&& owners * 3 >= totalOwners * 2;
	}

	/** At least two thirds (以上) of the total, for the live progress of one measure. */
	public static boolean twoThirdsOf(BigDecimal area, BigDecimal totalArea) {
		return totalArea.signum() > 0 && area.multiply(THREE).compareTo(totalArea.multiply(TWO)) >= 0;
	}

	public static boolean twoThirdsOf(long owners, long totalOwners) {
		return totalOwners > 0 && owners * 3 >= totalOwners * 2;
	}

	/** At least 3/4 of the participating area AND owners approve ("四分之三以上"). */
	static boolean atLeastThreeQuarters(BigDecimal area, long owners, BigDecimal participatingArea,
			long participatingOwners) {
		return participatingOwners > 0 && area.multiply(FOUR).compareTo(participatingArea.multiply(THREE)) >= 0
				&& owners * 4 >= participatingOwners * 3;
	}

	/** More than half of the participating area AND owners approve ("过半数", strictly more). */
	static boolean moreThanHalf(BigDecimal area, long owners, BigDecimal participatingArea, long participatingOwners) {
		return area.multiply(TWO).compareTo(participatingArea) > 0 && owners * 2 > participatingOwners;
	}

	private static BigDecimal scaled(BigDecimal area) {
		return area.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

}
