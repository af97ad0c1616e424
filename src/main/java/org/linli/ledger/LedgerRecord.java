package org.linli.ledger;

import java.util.Map;

/**
 * One fact to publish: a type ({@code FUND_RECEIPT}, {@code DISBURSEMENT}, ...) and its data (strings, integral
 * numbers such as fen, booleans, nested maps and lists). Callers mask personal data before appending: the payload is
 * public for ever.
 */
public record LedgerRecord(String type, Map<String, ?> data) {
}
