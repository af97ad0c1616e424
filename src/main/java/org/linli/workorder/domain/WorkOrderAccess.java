package org.linli.workorder.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CommunityAccess;
import org.linli.identity.CurrentUser;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with work orders, on top of the community scope. The service desk (property staff and manager)
 * handles every order; technicians see the orders given to them; the committee and street officers see repairs and
 * the figures, never complaints; residents see only their own orders.
 */
@Component
public class WorkOrderAccess {

	/** The service desk: acknowledges, dispatches, files for residents, makes return visits. */
	public static final Set<Role> DESK = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER, Role.PROPERTY_STAFF);

	/** Decide the community's targets, escalation delay, automatic closing and technicians' skills. */
	public static final Set<Role> MANAGERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.PROPERTY_MANAGER);

	/** May read repairs and the figures, but not complaints. */
	public static final Set<Role> OVERSEERS = EnumSet.of(Role.STREET_OFFICER, Role.COMMITTEE_MEMBER);

	private final CommunityAccess communities;

	private final IdentityApi identity;

	WorkOrderAccess(CommunityAccess communities, IdentityApi identity) {
		this.communities = communities;
		this.identity = identity;
	}

	public CurrentUser current() {
		return this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
	}

	public CurrentUser requireCommunity(UUID communityId) {
		return this.communities.require(communityId);
	}

	public CurrentUser requireDesk(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(DESK)) {
			throw new AccessDeniedException("work-order desk only");
		}
		return user;
	}

	public CurrentUser requireManager(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(MANAGERS)) {
			throw new AccessDeniedException("work-order settings: manager only");
		}
		return user;
	}

	public CurrentUser requireFigures(UUID communityId) {
		CurrentUser user = this.communities.require(communityId);
		if (!user.hasAnyRole(DESK) && !user.hasAnyRole(OVERSEERS) && !user.hasRole(Role.TECHNICIAN)) {
			throw new AccessDeniedException("work-order figures refused");
		}
		return user;
	}

	public static boolean isManager(CurrentUser user, UUID communityId) {
		return CommunityAccess.allows(user, communityId) && user.hasAnyRole(MANAGERS);
	}

	public static boolean isDesk(CurrentUser user, UUID communityId) {
		return CommunityAccess.allows(user, communityId) && user.hasAnyRole(DESK);
	}

	public static boolean isAssignee(CurrentUser user, WorkOrder order) {
		return user.id().equals(order.assigneeAccountId());
	}

	public static boolean isReporter(CurrentUser user, WorkOrder order) {
		return user.personId() != null && user.personId().equals(order.reporterPersonId());
	}

	/** Whether the user may see the order; {@code ownRooms} are the resident's rooms (repairs on them are theirs). */
	public static boolean maySee(CurrentUser user, WorkOrder order, Set<UUID> ownRooms) {
		if (!CommunityAccess.allows(user, order.communityId())) {
			return false;
		}
		if (user.hasAnyRole(DESK) || isAssignee(user, order) || isReporter(user, order)) {
			return true;
		}
		if (user.hasAnyRole(OVERSEERS)) {
			return order.kind() == Kind.REPAIR;
		}
		return order.kind() == Kind.REPAIR && order.roomId() != null && ownRooms.contains(order.roomId())
				&& user.hasRole(Role.RESIDENT);
	}

}
