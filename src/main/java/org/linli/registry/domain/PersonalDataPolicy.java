package org.linli.registry.domain;

import java.util.EnumSet;
import java.util.Set;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;
import org.linli.shared.person.Masking;

/**
 * Which roles see which personal field in full (DOMAIN.md §4). Everyone else sees it masked; a full ID number is never
 * shown by default, only revealed on request by the roles below, and every reveal is audited.
 */
public final class PersonalDataPolicy {

	static final Set<Role> FULL_NAME = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF,
			Role.STREET_OFFICER);

	static final Set<Role> FULL_PHONE = EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF);

	static final Set<Role> MAY_REVEAL = EnumSet.of(Role.PROPERTY_MANAGER, Role.STREET_OFFICER);

	private PersonalDataPolicy() {
	}

	/** A name as this user may see it in lists (owners, search results). */
	public static String name(CurrentUser user, String name) {
		return user.hasAnyRole(FULL_NAME) ? name : Masking.name(name);
	}

	/** Plates show where people go; property staff see them whole, others masked. */
	public static String plate(CurrentUser user, String plate) {
		return user.hasAnyRole(FULL_PHONE) ? plate : Masking.plate(plate);
	}

	/** A mobile number as this user may see it in lists and exports. */
	public static String phone(CurrentUser user, String phone) {
		return user.hasAnyRole(FULL_PHONE) ? phone : Masking.phone(phone);
	}

	public static boolean mayReveal(CurrentUser user) {
		return user.hasAnyRole(MAY_REVEAL);
	}

	/**
	 * The person as this user may see it; {@code reveal} shows everything to the roles that may reveal, and members
	 * of the user's own household are shown by name.
	 */
	public static PersonRecord view(PersonRecord person, CurrentUser user, boolean reveal, boolean sameHousehold) {
		boolean all = reveal && mayReveal(user);
		boolean self = person.id().equals(user.personId());
		boolean fullName = all || self || sameHousehold || user.hasAnyRole(FULL_NAME);
		String name = fullName ? person.name() : Masking.name(person.name());
		String phone = all || self || user.hasAnyRole(FULL_PHONE) ? person.phone() : Masking.phone(person.phone());
		String idNumber = all || self ? person.idNumber() : Masking.idNumber(person.idNumber());
		return new PersonRecord(person.id(), person.communityId(), person.householdId(), name, person.idType(), idNumber,
				phone, person.birthDate(), person.gender(), person.relation(), person.tags());
	}

}
