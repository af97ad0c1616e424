package org.linli.renovation;

/** Stages of a contract's payments: progress (capped), acceptance, final part after the warranty period. */
public enum PaymentStage {

	PROGRESS, ACCEPTANCE, FINAL

}
