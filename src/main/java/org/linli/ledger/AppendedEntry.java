package org.linli.ledger;

/** Where an appended record landed: its index in the log and its leaf hash (lower-case hex). */
public record AppendedEntry(long index, String leafHash) {
}
