package org.linli.workorder.domain;

import java.util.List;
import java.util.Map;

/**
 * Response targets. A category sets them for level NORMAL; EMERGENCY and URGENT have their own, and the stricter of
 * category and level applies. The defaults follow the "15-minute response, 4-hour repair" rule.
 */
public final class Targets {

	/** Minutes to acknowledge and to resolve. */
	public record Target(int acknowledgeMinutes, int resolveMinutes) {
	}

	/** A default category: code, kind, skill, NORMAL targets. */
	public record DefaultCategory(String code, Kind kind, String skill, int acknowledgeMinutes, int resolveMinutes) {
	}

	public static final int ACKNOWLEDGE_MINUTES = 15;

	public static final int BASIC_REPAIR_MINUTES = 240;

	public static final List<DefaultCategory> DEFAULT_CATEGORIES = List.of(
			new DefaultCategory("PLUMBING", Kind.REPAIR, "PLUMBING", ACKNOWLEDGE_MINUTES, BASIC_REPAIR_MINUTES),
			new DefaultCategory("ELECTRICAL", Kind.REPAIR, "ELECTRICAL", ACKNOWLEDGE_MINUTES, BASIC_REPAIR_MINUTES),
			new DefaultCategory("DOOR_LOCK", Kind.REPAIR, "CARPENTRY", ACKNOWLEDGE_MINUTES, BASIC_REPAIR_MINUTES),
			new DefaultCategory("ELEVATOR", Kind.REPAIR, "ELEVATOR", ACKNOWLEDGE_MINUTES, 120),
			new DefaultCategory("PUBLIC_FACILITY", Kind.REPAIR, "GENERAL", ACKNOWLEDGE_MINUTES, 1440),
			new DefaultCategory("APPLIANCE", Kind.REPAIR, "ELECTRICAL", ACKNOWLEDGE_MINUTES, 1440),
			new DefaultCategory("SERVICE", Kind.COMPLAINT, null, ACKNOWLEDGE_MINUTES, 1440),
			new DefaultCategory("NOISE", Kind.COMPLAINT, null, ACKNOWLEDGE_MINUTES, 1440),
			new DefaultCategory("ENVIRONMENT", Kind.COMPLAINT, null, ACKNOWLEDGE_MINUTES, 480),
			new DefaultCategory("NEIGHBOUR", Kind.COMPLAINT, null, ACKNOWLEDGE_MINUTES, 4320));

	public static final Map<Level, Target> DEFAULT_LEVELS = Map.of(Level.EMERGENCY, new Target(5, 60), Level.URGENT,
			new Target(10, 120));

	private Targets() {
	}

	/** The target an order of this category and level gets; a missing level target means the category's. */
	public static Target effective(Target category, Level level, Map<Level, Target> levels) {
		Target byLevel = level == Level.NORMAL ? null : levels.get(level);
		if (byLevel == null) {
			return category;
		}
		return new Target(Math.min(category.acknowledgeMinutes(), byLevel.acknowledgeMinutes()),
				Math.min(category.resolveMinutes(), byLevel.resolveMinutes()));
	}

}
