package org.linli.billing.domain;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records money actions in the audit trail with what was done to which object (amounts in fen). */
@Component
public class BillingAudit {

	private final AuditApi audit;

	BillingAudit(AuditApi audit) {
		this.audit = audit;
	}

	public void record(CurrentUser user, String action, String object, String detail) {
		this.audit.record(of(user, action, object, detail));
	}

	/** A run of many compounds: one record per compound and period, all written in one commit. */
	public void recordRuns(CurrentUser user, java.util.List<java.util.UUID> communityIds,
			java.util.List<BillRuns.Result> results) {
		java.util.List<AuditRecord> records = new java.util.ArrayList<>();
		for (int i = 0; i < communityIds.size(); i++) {
			BillRuns.Result r = results.get(i);
			records.add(of(user, "BILL_RUN", "community/" + communityIds.get(i) + "/period/" + r.period(),
					"created=" + r.created() + " bills=" + r.bills() + " totalFen=" + r.totalFen()));
		}
		this.audit.recordAll(records);
	}

	private static AuditRecord of(CurrentUser user, String action, String object, String detail) {
		String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
		return new AuditRecord(user.getUsername(), action, object, AuditRecord.Result.SUCCESS, address, detail);
	}

}
