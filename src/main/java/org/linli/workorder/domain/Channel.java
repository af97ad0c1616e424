package org.linli.workorder.domain;

/** How an order came in: the resident app, staff for a resident who phoned or came in, or a scanned asset label. */
public enum Channel {

	APP, ASSISTED, QR_SCAN

}
