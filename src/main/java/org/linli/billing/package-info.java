/**
 * Billing: fee items and rules, idempotent bill runs, payments and receipts, refunds and credit notes, arrears,
 * maintenance-fund accounts, meters and water loss. Other modules use {@link org.linli.billing.BillingApi} and listen
 * to {@link org.linli.billing.ArrearsReminderIssued}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.linli.billing;
