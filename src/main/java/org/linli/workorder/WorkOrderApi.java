package org.linli.workorder;

import java.time.YearMonth;
import java.util.UUID;

import org.linli.workorder.domain.Examples;
import org.linli.workorder.domain.FiguresQuery;

import org.springframework.stereotype.Service;

/** What other modules (the dashboard) may ask of work orders. */
@Service
public class WorkOrderApi {

	private final FiguresQuery figures;

	private final Examples examples;

	WorkOrderApi(FiguresQuery figures, Examples examples) {
		this.figures = figures;
		this.examples = examples;
	}

	/** An example order for demo mode, filed {@code age} ago and taken up to {@code status}, steps backdated. */
	public record ExampleOrder(String category, String level, UUID roomId, UUID reporterPersonId, String description,
			java.time.Duration age, String status, UUID technicianId, String technicianName, Integer rating) {
	}

	/** Seeds the community's categories (if not yet) and the example orders, unless it has orders already. */
	public boolean seedExamples(UUID communityId, java.util.List<ExampleOrder> orders) {
		this.examples.ensureCategories(communityId);
		if (this.examples.any(communityId)) {
			return false;
		}
		for (ExampleOrder o : orders) {
			this.examples.file(communityId, o.category(), o.level(), o.roomId(), o.reporterPersonId(), o.description(),
					o.age(), o.status(), o.technicianId(), o.technicianName(), o.rating());
		}
		return true;
	}

	/**
	 * Figures of the orders filed in the months {@code from} to {@code to} (both included): share acknowledged within
	 * 15 minutes, share resolved within target, average times, satisfaction; overall and by category, technician and
	 * month. No access check: the caller decides who sees them.
	 */
	public WorkOrderFigures figures(UUID communityId, YearMonth from, YearMonth to) {
		return this.figures.figures(communityId, from, to);
	}

}
