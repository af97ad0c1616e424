package org.linli.identity;

import java.util.UUID;

/** Who an account is, as other modules address it (notifications, dispatch): no credentials, no settings. */
public record AccountRef(UUID id, String username, String displayName, UUID personId, String language) {
}
