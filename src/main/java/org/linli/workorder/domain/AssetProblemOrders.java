package org.linli.workorder.domain;

import org.linli.registry.AssetProblemReported;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A problem reported by scanning an asset's QR label (一物一码) becomes a repair order for the desk. */
@Component
class AssetProblemOrders {

	private final WorkOrders orders;

	AssetProblemOrders(WorkOrders orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(AssetProblemReported report) {
		this.orders.fileFromAssetReport(report.communityId(), report.assetId(), report.reportId(),
				report.description());
	}

}
