package org.linli.workorder;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Work-order figures of a community over whole months (from and to included), overall and by group. */
public record WorkOrderFigures(UUID communityId, YearMonth from, YearMonth to, WorkOrderStats total,
		List<WorkOrderStats> byCategory, List<WorkOrderStats> byTechnician, List<WorkOrderStats> byMonth) {
}
