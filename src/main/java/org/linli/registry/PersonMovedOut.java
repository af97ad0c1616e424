package org.linli.registry;

import java.time.LocalDate;
import java.util.UUID;

/** A person left their household (the registry's move-out): access credentials and the like end with it. */
public record PersonMovedOut(UUID communityId, UUID personId, LocalDate until) {
}
