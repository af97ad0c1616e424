package org.linli.iot;

import java.util.List;

/**
 * Implemented by other modules to receive device events of one type. The gateway calls {@link #handle(List)} with a
 * batch inside the transaction that stores the batch, before the broker is acknowledged: a handler that throws makes
 * the broker deliver the batch again, so handlers write in batches and never call out to the network.
 */
public interface DeviceEventHandler {

	String eventType();

	void handle(List<DeviceEvent> events);

}
