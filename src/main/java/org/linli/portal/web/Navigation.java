package org.linli.portal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;

/**
 * The workbench menu. Each role sees only what it may use; the URL rules in the security configuration enforce the
 * same split, so a hidden item is also a refused page.
 */
final class Navigation {

	/** The security system's staff (DOMAIN.md §4–§5): the guard room is theirs. */
	private static final EnumSet<Role> SECURITY = EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF);
	/** Owners' votes, joint meetings and mediation: committee, property manager and staff, street office (reads). */
	private static final Set<Role> GOVERNANCE = EnumSet.of(Role.COMMITTEE_MEMBER, Role.PROPERTY_MANAGER,
			Role.PROPERTY_STAFF, Role.STREET_OFFICER, Role.PLATFORM_ADMIN);

	static final List<NavigationItem> CONSOLE = List.of(
			new NavigationItem("nav.home", "/console", "home", Role.STAFF),
			new NavigationItem("nav.communities", "/console/communities", "building",
					EnumSet.complementOf(EnumSet.of(Role.RESIDENT, Role.AUDITOR, Role.SECURITY_ADMIN))),
			new NavigationItem("registry.regions", "/console/regions", "map", EnumSet.of(Role.PLATFORM_ADMIN)),
			new NavigationItem("billing.nav.console", "/console/billing", "coins", EnumSet.of(Role.PLATFORM_ADMIN,
					Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.STREET_OFFICER)),
			new NavigationItem("governance.nav.votes", "/console/governance/votes", "ballot", GOVERNANCE),
			new NavigationItem("governance.nav.meetings", "/console/governance/meetings", "people", GOVERNANCE),
			new NavigationItem("governance.nav.mediation", "/console/governance/mediation", "handshake", GOVERNANCE),
			new NavigationItem("nav.accounts", "/console/accounts", "users",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN)),
			new NavigationItem("nav.audit", "/console/audit", "shield", EnumSet.of(Role.AUDITOR)),
			new NavigationItem("concierge.nav.parcels", "/console/concierge/parcels", "box",
					EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF)),
			new NavigationItem("concierge.nav.bookings", "/console/concierge/bookings", "calendar",
					EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF)),
			new NavigationItem("concierge.nav.meals", "/console/concierge/meals", "bowl",
					EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF)),
			new NavigationItem("concierge.nav.catalogue", "/console/concierge/catalogue", "list",
					EnumSet.of(Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF)),
			new NavigationItem("workorder.nav.console", "/console/work-orders", "wrench",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.STREET_OFFICER,
							Role.COMMITTEE_MEMBER)),
			new NavigationItem("workorder.nav.mine", "/console/work-orders/mine", "wrench", EnumSet.of(Role.TECHNICIAN)),
			new NavigationItem("workorder.nav.settings", "/console/work-orders/settings", "gear",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER)),
			new NavigationItem("workorder.nav.figures", "/console/work-orders/figures", "chart",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF, Role.STREET_OFFICER,
							Role.COMMITTEE_MEMBER, Role.TECHNICIAN)),
			new NavigationItem("renovation.nav", "/console/renovation", "hammer",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.PROJECT_MANAGER, Role.SUPERVISING_ENGINEER,
							Role.OWNER_REPRESENTATIVE, Role.STREET_OFFICER, Role.COMMITTEE_MEMBER, Role.AUDITOR)),
			new NavigationItem("nav.api", "/swagger-ui/index.html", "code",
					EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN)),
			new NavigationItem("notification.nav", "/console/notifications", "bell", Role.STAFF),
			new NavigationItem("iot.nav.alarms", "/console/security/alarms", "bell", SECURITY),
			new NavigationItem("iot.nav.devices", "/console/security/devices", "cpu", SECURITY),
			new NavigationItem("access.nav.passes", "/console/security/passes", "qr", SECURITY),
			new NavigationItem("access.nav.staff", "/console/security/credentials", "key", SECURITY),
			new NavigationItem("iot.nav.simulator", "/console/security/simulator", "cpu",
					EnumSet.of(Role.PROPERTY_MANAGER, Role.PLATFORM_ADMIN)),
			new NavigationItem("nav.myAccount", "/account/password", "key", Role.STAFF));

	static final List<NavigationItem> APP = List.of(
			new NavigationItem("app.nav.home", "/app", "home", EnumSet.allOf(Role.class)),
			new NavigationItem("app.nav.household", "/app/household", "house", EnumSet.allOf(Role.class)),
			new NavigationItem("workorder.nav.app", "/app/work-orders", "wrench", EnumSet.allOf(Role.class)),
			new NavigationItem("access.nav.access", "/app/access", "key", EnumSet.allOf(Role.class)),
			new NavigationItem("access.nav.visitors", "/app/visitors", "qr", EnumSet.allOf(Role.class)),
			new NavigationItem("billing.nav.app", "/app/billing", "coins", EnumSet.allOf(Role.class)),
			new NavigationItem("governance.app.votes", "/app/votes", "ballot", EnumSet.allOf(Role.class)),
			new NavigationItem("app.nav.settings", "/app/settings", "gear", EnumSet.allOf(Role.class)));

	private Navigation() {
	}

	static List<NavigationItem> consoleFor(CurrentUser user) {
		return CONSOLE.stream().filter(item -> user.hasAnyRole(item.roles())).toList();
	}

}
