package org.linli.audit;

/** One action to record; the time and the chain hash are added by the trail. */
public record AuditRecord(String account, String action, String object, Result result, String sourceAddress,
		String detail) {

	public enum Result {
		SUCCESS, FAILURE, REJECTED, ERROR
	}

}
