package org.linli.concierge.domain;

import java.time.LocalDate;
import java.util.Set;

import org.linli.registry.Occupant;

/**
 * Who the elderly meal service (长者助餐) is for, and who gets it delivered or subsidised, from the registry: age by
 * birth year (60, the age of the Law on the Protection of the Rights of the Elderly) and the person's tags.
 */
public final class MealRules {

	public static final int ELDERLY_AGE = 60;

	/** From this age meals are brought to the door on request, as for those who cannot come. */
	public static final int DELIVERY_AGE = 80;

	/** Tags of persons who cannot easily come to the canteen. */
	static final Set<String> CANNOT_COME = Set.of("ELDERLY_ALONE", "NEEDS_CARE", "DISABLED");

	/** Tags that qualify for the subsidised price. */
	static final Set<String> SUBSIDISED = Set.of("ELDERLY_ALONE", "NEEDS_CARE", "DISABLED", "LOW_INCOME");

	private MealRules() {
	}

	public static boolean isElderly(Occupant person, LocalDate day) {
		return age(person, day) >= ELDERLY_AGE || person.hasAnyTag(Set.of("ELDERLY_ALONE"));
	}

	/** Served at home: tagged as unable to come, or of great age. */
	public static boolean mayHaveDelivered(Occupant person, LocalDate day) {
		return person.hasAnyTag(CANNOT_COME) || age(person, day) >= DELIVERY_AGE;
	}

	public static boolean qualifiesForSubsidy(Occupant person, LocalDate day) {
		return person.hasAnyTag(SUBSIDISED) || age(person, day) >= DELIVERY_AGE;
	}

	/** Age reached in the year of {@code day}; unknown birth years count as zero. */
	static int age(Occupant person, LocalDate day) {
		return person.birthYear() == null ? 0 : day.getYear() - person.birthYear();
	}

}
