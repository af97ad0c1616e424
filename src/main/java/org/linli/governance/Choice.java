package org.linli.governance;

/** What a ballot says; abstentions and spoiled ballots take part without approving. */
public enum Choice {

	APPROVE, REJECT, ABSTAIN, SPOILED

}
