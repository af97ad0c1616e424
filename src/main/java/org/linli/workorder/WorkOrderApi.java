package org.linli.workorder;

import java.time.YearMonth;
import java.util.UUID;

import org.linli.workorder.domain.FiguresQuery;

import org.springframework.stereotype.Service;

/** What other modules (the dashboard) may ask of work orders. */
@Service
public class WorkOrderApi {

	private final FiguresQuery figures;

	WorkOrderApi(FiguresQuery figures) {
		this.figures = figures;
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
