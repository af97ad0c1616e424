package org.linli.workorder.domain;

import java.time.Instant;
import java.util.UUID;

/** One step of an order's history: what was done, the status before and after, who did it and when. */
public record Step(UUID id, String action, String fromStatus, String toStatus, String actor, String note, Instant at) {
}
