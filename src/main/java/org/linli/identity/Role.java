package org.linli.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles of API.md. The three administrator roles are kept apart (三员分立). */
public enum Role {

	PLATFORM_ADMIN, SECURITY_ADMIN, AUDITOR, STREET_OFFICER, PROPERTY_MANAGER, PROPERTY_STAFF, TECHNICIAN,
	COMMITTEE_MEMBER, RESIDENT, PROJECT_MANAGER, SUPERVISING_ENGINEER, OWNER_REPRESENTATIVE;

	/** System, security and audit administration: no account may hold two of them. */
	public static final Set<Role> SEPARATED_ADMINISTRATORS = EnumSet.of(PLATFORM_ADMIN, SECURITY_ADMIN, AUDITOR);

	/** Roles that reach the staff workbench. */
	public static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(RESIDENT));

	public String authority() {
		return "ROLE_" + name();
	}

	/** Staff and administrators sign in with a second factor outside demo mode. */
	public boolean requiresSecondFactor() {
		return this != RESIDENT;
	}

	public static boolean anyStaff(Collection<Role> roles) {
		return roles.stream().anyMatch(STAFF::contains);
	}

	public static boolean breaksSeparationOfDuties(Collection<Role> roles) {
		return roles.stream().filter(SEPARATED_ADMINISTRATORS::contains).count() > 1;
	}

}
