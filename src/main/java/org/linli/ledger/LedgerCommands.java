package org.linli.ledger;

import org.linli.ledger.verifier.OfflineVerifier;

/**
 * Commands the application jar runs instead of starting the platform: {@code verify-ledger} (the offline verifier)
 * and {@code ledger-key} (a new tree-head signing key).
 */
public final class LedgerCommands {

	private LedgerCommands() {
	}

	/** Runs the command named by the first argument and returns its exit status, or -1 when there is none. */
	public static int run(String[] args) {
		if (args.length == 0) {
			return -1;
		}
		return switch (args[0]) {
			case "verify-ledger" -> OfflineVerifier.run(args, System.out);
			case "ledger-key" -> OfflineVerifier.generateKey(args, System.out);
			default -> -1;
		};
	}

}
