package org.linli.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole compound to create in one go (demo data, benchmark datasets, a migration from another system). Persons are
 * named by a key unique within the plan so that ownership can point at people living elsewhere in it.
 */
public record CompoundPlan(String code, String name, String address, Integer builtYear, List<BuildingPlan> buildings) {

	public record BuildingPlan(String name, boolean hasElevator, List<RoomPlan> rooms) {
	}

	public record RoomPlan(String unit, int floor, String number, BigDecimal exclusiveArea, AreaSource areaSource,
			BigDecimal grossArea, LocalDate movedIn, List<PersonPlan> household, OwnerPlan owner) {
	}

	/** A person; {@code idNumber} and {@code phone} are optional and must be valid when given. */
	public record PersonPlan(String key, String name, char gender, LocalDate birthDate, Relation relation,
			String idNumber, String phone) {
	}

	/** DEVELOPER with no persons, or PERSON with the keys of one or more co-owners. */
	public record OwnerPlan(OwnerType type, List<String> personKeys, LocalDate since) {
	}

	public enum AreaSource {
		REGISTERED, SURVEYED, CONTRACT
	}

	public enum Relation {
		OWNER, CO_OWNER, FAMILY, TENANT, OTHER
	}

	public enum OwnerType {
		PERSON, DEVELOPER
	}

}
