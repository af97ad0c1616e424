package org.linli.workorder.domain;

/** Repairs (报修) and complaints (投诉) share one workflow; complaints are seen by fewer people. */
public enum Kind {

	REPAIR, COMPLAINT

}
