package org.linli.identity;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the signed-in account may act in a community. Controllers call
 * {@link #require(UUID)} (or use {@code @communityAccess.allows(#cid)} in security expressions).
 */
@Component("communityAccess")
public class CommunityAccess {

	private final IdentityApi identity;

	CommunityAccess(IdentityApi identity) {
		this.identity = identity;
	}

	public boolean allows(UUID communityId) {
		return this.identity.currentUser().map(user -> allows(user, communityId)).orElse(false);
	}

	public static boolean allows(CurrentUser user, UUID communityId) {
		return user.servesAllCommunities() || user.communityIds().contains(communityId);
	}

	/** Throws 403 unless the current account serves the community. */
	public CurrentUser require(UUID communityId) {
		CurrentUser user = this.identity.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		if (!allows(user, communityId)) {
			throw new AccessDeniedException("community " + communityId + " is outside the account's scope");
		}
		return user;
	}

}
