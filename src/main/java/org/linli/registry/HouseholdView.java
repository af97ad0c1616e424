package org.linli.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A household as its own members see it: the room and who lives there. */
public record HouseholdView(UUID householdId, UUID communityId, String communityName, String building, String unit,
		String number, BigDecimal exclusiveArea, List<Member> members, List<Vehicle> vehicles,
		List<RequestLine> requests) {

	/** One of the household's requests to staff, as its members follow it. */
	public record RequestLine(String kind, String status, String reason) {
	}

	public record Member(UUID personId, String name, String relation, Integer birthYear) {
	}

	public record Vehicle(String plate, boolean newEnergy) {
	}

}
