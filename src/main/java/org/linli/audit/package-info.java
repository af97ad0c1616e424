/**
 * Audit: the tamper-evident trail of every sign-in, sign-out and write (time, account, action, object, result,
 * source address), its retention and the auditor's viewer. Other modules record through
 * {@link org.linli.audit.AuditApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.linli.audit;
