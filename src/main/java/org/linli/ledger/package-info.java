/**
 * Ledger: the per-compound, append-only transparency log of fund flows (资金流水公示). Entries are canonical JSON
 * payloads hashed into an RFC 6962 Merkle tree (SM3 or SHA-256); signed tree heads, inclusion and consistency proofs
 * let anyone check the log without trusting the server. Other modules append through
 * {@link org.linli.ledger.LedgerApi} and may listen to {@link org.linli.ledger.LedgerTampered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.linli.ledger;
