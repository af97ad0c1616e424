package org.linli.registry;

import java.util.UUID;

/** Someone scanned an asset's label and reported a problem; the work-order module opens a work order from it. */
public record AssetProblemReported(UUID communityId, UUID assetId, UUID reportId, String description) {
}
