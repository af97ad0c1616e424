package org.linli.registry;

import java.util.UUID;

/** A common asset as other modules show it (一物一码): its public label code, name and place. */
public record AssetLabel(UUID id, UUID communityId, String code, String type, String name, String location) {
}
