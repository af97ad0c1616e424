package org.linli.workorder.domain;

import org.linli.registry.AssetProblemReported;
import org.linli.registry.RegistryApi;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A problem reported by scanning an asset's QR label (一物一码) becomes a repair order for the desk. */
@Component
class AssetProblemOrders {

	private final WorkOrders orders;

	private final RegistryApi registry;

	AssetProblemOrders(WorkOrders orders, RegistryApi registry) {
		this.orders = orders;
		this.registry = registry;
	}

	/** Files the order and tells the registry, in one transaction, so the report's list shows what became of it. */
	@ApplicationModuleListener
	void on(AssetProblemReported report) {
		this.orders.fileFromAssetReport(report.communityId(), report.assetId(), report.reportId(),
				report.description())
			.ifPresent(order -> this.registry.assetReportBecameOrder(report.communityId(), report.reportId(),
					order.id()));
	}

}
