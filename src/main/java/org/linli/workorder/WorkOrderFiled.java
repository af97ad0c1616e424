package org.linli.workorder;

import java.util.UUID;

/** A repair or complaint was filed (by a resident, by staff for a resident, or from a scanned asset label). */
public record WorkOrderFiled(UUID communityId, UUID orderId, String kind, String category, String level, UUID roomId,
		UUID assetId, UUID reporterPersonId, String channel) {
}
