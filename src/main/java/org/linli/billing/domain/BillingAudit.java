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
		String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
		this.audit.record(new AuditRecord(user.getUsername(), action, object, AuditRecord.Result.SUCCESS, address,
				detail));
	}

}
