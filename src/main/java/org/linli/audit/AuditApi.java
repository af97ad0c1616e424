package org.linli.audit;

import org.linli.audit.domain.AuditTrail;

import org.springframework.stereotype.Service;

/** Records an action in the audit trail. */
@Service
public class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	public void record(AuditRecord record) {
		this.trail.append(record);
	}

	/** Records several actions at once (one commit), in the given order. */
	public void recordAll(java.util.List<AuditRecord> records) {
		this.trail.appendAll(records);
	}

}
