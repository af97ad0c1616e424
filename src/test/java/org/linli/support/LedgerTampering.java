package org.linli.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an insider with the application's database account could do: switch the append-only trigger off, edit a stored
 * ledger payload, switch it on again. The table owner may do this on any PostgreSQL server, superuser or not.
 */
public final class LedgerTampering {

	private LedgerTampering() {
	}

	public static void replaceInPayload(TransactionTemplate transactions, JdbcClient jdbc, UUID communityId, long index,
			String from, String to) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("alter table ledger.entry disable trigger entry_append_only").update();
			jdbc.sql("update ledger.entry set payload = replace(payload, :from, :to) where community_id = :c and idx = :i")
				.param("from", from).param("to", to).param("c", communityId).param("i", index).update();
			jdbc.sql("alter table ledger.entry enable trigger entry_append_only").update();
		});
	}

}
